//! The command line: `serve`, `migrate`, `demo`, and admin commands for organisations,
//! accounts, roles and tokens. Admin commands talk to the database directly, so an
//! operator can set up the first admin before anything is served.

use crate::auth;
use crate::config::{Config, LogFormat};
use crate::db::models::account::{Account, ApiToken};
use crate::db::models::actor::DbActor;
use crate::federation::activities::relay;
use crate::orgs::{self, NewOrganisation, Profile};
use crate::state::AppState;
use crate::vocab::OrgKind;
use crate::{app, db, demo};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "passerelle",
    version,
    about = "Federated ActivityPub server for town-twinning networks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct ConfigArg {
    /// The network's configuration file (e.g. config/dfi.toml).
    #[arg(short, long, env = "PASSERELLE_CONFIG")]
    config: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Serve one instance (creates and migrates its database if needed).
    Serve(ConfigArg),
    /// Create the database if missing and run pending migrations.
    Migrate(ConfigArg),
    /// Run the three-network demo (dfi, nrw, afccre) on localhost until Ctrl-C.
    Demo(demo::DemoArgs),
    /// Organisations (actors).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Accounts and roles.
    #[command(subcommand)]
    Account(AccountCommand),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The delivery queue: pending, failing and unreachable instances.
    Queue(ConfigArg),
    /// Where one post's activities went: delivered to N of M inboxes, failing ones named.
    Deliveries {
        #[command(flatten)]
        config: ConfigArg,
        /// The post's URL (its ActivityPub id).
        #[arg(long)]
        post: String,
    },
    /// Blocked instances.
    #[command(subcommand)]
    Block(BlockCommand),
    /// The partnership registry, statistics and open data.
    #[command(subcommand)]
    Partnerships(PartnershipCommand),
    /// Search organisations, partnerships and posts on this network and its peers.
    Search {
        #[command(flatten)]
        config: ConfigArg,
        /// Words, "a phrase", prefix*, -excluded.
        query: String,
        /// organisation, partnership or post.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        theme: Option<String>,
        #[arg(long)]
        country: Option<String>,
        /// relevance (default) or newest.
        #[arg(long)]
        newest: bool,
        /// This network's index only, without asking the peers.
        #[arg(long)]
        local: bool,
        #[arg(long, default_value_t = 20)]
        limit: i64,
        /// Print the whole answer as JSON (with facets).
        #[arg(long)]
        json: bool,
    },
    /// Network subscriptions: another network's instance announces its posts to ours.
    #[command(subcommand)]
    Relay(RelayCommand),
    /// Partner search: who is looking, and suggested partners for an organisation.
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// The network's showcase, where its reviewers approve submitted posts.
    #[command(subcommand)]
    Showcase(ShowcaseCommand),
}

#[derive(Subcommand)]
enum ShowcaseCommand {
    /// Set up a showcase: a group where only moderators post, whose announced posts are the
    /// ones the network's reviewers approved. Grant reviewers with
    /// `account grant --role reviewer`.
    Create {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        handle: String,
        /// Name, as `lang=text` (repeatable; at least one).
        #[arg(long = "name", value_parser = parse_lang_text, required = true)]
        names: Vec<(String, String)>,
        /// Description, as `lang=text` (repeatable).
        #[arg(long = "summary", value_parser = parse_lang_text)]
        summaries: Vec<(String, String)>,
        /// Usernames of the group's moderators (they review too).
        #[arg(long = "moderator")]
        moderators: Vec<String>,
        /// A post edited after approval goes back to the review queue.
        #[arg(long)]
        review_edits: bool,
    },
}

#[derive(Subcommand)]
enum PartnersCommand {
    /// Organisations looking for partners, on this network and its peers.
    Looking {
        #[command(flatten)]
        config: ConfigArg,
        /// twinning, project, school-exchange or learning.
        #[arg(long)]
        purpose: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        theme: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        language: Option<String>,
        /// This network only, without asking the peers.
        #[arg(long)]
        local: bool,
        #[arg(long)]
        json: bool,
    },
    /// Suggested partners for one of our organisations, with the reasons.
    Suggest {
        #[command(flatten)]
        config: ConfigArg,
        handle: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// The language of the reasons.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long)]
        local: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum RelayCommand {
    /// Subscribe to a peer network (its host, or its instance actor's URL) or a relay (its
    /// actor's URL or host: LitePub style; its inbox URL: Mastodon style).
    Subscribe {
        #[command(flatten)]
        config: ConfigArg,
        target: String,
        /// For a relay: litepub or mastodon.
        #[arg(long)]
        style: Option<String>,
    },
    /// The networks and relays we subscribe to, with their states.
    List(ConfigArg),
    /// End a subscription.
    Unsubscribe {
        #[command(flatten)]
        config: ConfigArg,
        network: String,
    },
}

#[derive(Subcommand)]
enum PartnershipCommand {
    /// List partnerships (filters as in the API).
    List {
        #[command(flatten)]
        config: ConfigArg,
        /// Two country codes, e.g. DE,FR.
        #[arg(long)]
        countries: Option<String>,
        /// Two regions (or a region and a country code), e.g. Nordrhein-Westfalen,Hauts-de-France.
        #[arg(long)]
        regions: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        confirmed: bool,
    },
    /// Statistics of this instance's partnerships (CSV).
    Stats(ConfigArg),
    /// Import a list (CSV): all rows or none, unless --skip-invalid.
    Import {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Export open data to standard output.
    Export {
        #[command(flatten)]
        config: ConfigArg,
        /// organisations.csv, organisations.json, partnerships.csv, partnerships.json, partnerships.geojson
        #[arg(long)]
        file: String,
    },
}

#[derive(Subcommand)]
enum BlockCommand {
    /// Block an instance: its requests are refused, nothing is delivered to it.
    Add {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        domain: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Lift a block.
    Remove {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        domain: String,
    },
    /// List blocks.
    List(ConfigArg),
}

#[derive(Subcommand)]
#[expect(clippy::large_enum_variant, reason = "parsed once per run")]
enum OrgCommand {
    /// Create an organisation actor.
    Create {
        #[command(flatten)]
        config: ConfigArg,
        /// Handle, e.g. stadt-dortmund (becomes @stadt-dortmund@your.domain).
        #[arg(long)]
        handle: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        kind: OrgKind,
        /// ISO 3166-1 alpha-2 country code, e.g. DE or FR.
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        region: Option<String>,
        /// AGS (DE), INSEE code (FR) or LAU code.
        #[arg(long)]
        official_code: Option<String>,
        #[arg(long)]
        population: Option<i64>,
        #[arg(long)]
        website: Option<String>,
        /// Working languages, comma-separated, main one first.
        #[arg(long, value_delimiter = ',')]
        languages: Vec<String>,
        /// Themes, comma-separated (e.g. youth,climate).
        #[arg(long, value_delimiter = ',')]
        themes: Vec<String>,
        /// Description, as `lang=text` (repeatable).
        #[arg(long = "summary", value_parser = parse_lang_text)]
        summaries: Vec<(String, String)>,
    },
    /// List organisations.
    List(ConfigArg),
}

fn parse_lang_text(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .ok_or_else(|| "expected lang=text, e.g. de=Unsere Partnerschaft…".to_string())
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Create an account. Without --password-stdin a password is generated and printed.
    Create {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        username: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        admin: bool,
        #[arg(long)]
        moderator: bool,
    },
    /// Grant a role: admin, moderator, reviewer or editor:<organisation handle>.
    Grant {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        username: String,
        #[arg(long)]
        role: String,
    },
    /// Revoke a role.
    Revoke {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        username: String,
        #[arg(long)]
        role: String,
    },
    /// List accounts and their roles.
    List(ConfigArg),
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Issue an API token for an account (printed once).
    Issue {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// Revoke a token by id.
    Revoke {
        #[command(flatten)]
        config: ConfigArg,
        #[arg(long)]
        id: i64,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(log_format(&cli.command));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The log format: `log.format` of the configuration for `serve` and `migrate`, else
/// `PASSERELLE_LOG_FORMAT` (the demo and admin commands), else text. A configuration that
/// does not load is reported by the command itself, after logging has started.
fn log_format(command: &Command) -> LogFormat {
    let from_config = match command {
        Command::Serve(c) | Command::Migrate(c) => {
            Config::load(&c.config).ok().map(|c| c.log.format)
        }
        _ => None,
    };
    from_config.unwrap_or_else(|| match std::env::var("PASSERELLE_LOG_FORMAT").as_deref() {
        Ok(f) if f.trim().eq_ignore_ascii_case("json") => LogFormat::Json,
        _ => LogFormat::Text,
    })
}

/// Logs to standard error: levels from `PASSERELLE_LOG` (default `info`), one JSON object
/// per line or text, coloured only when standard error is a terminal and `NO_COLOR` is not
/// set, so that a log file or a pipe gets no escape sequences.
fn init_tracing(format: LogFormat) {
    use std::io::IsTerminal;
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("PASSERELLE_LOG").unwrap_or_else(|_| {
            tracing_subscriber::EnvFilter::new("info,tower_http=warn,activitypub_federation=warn")
        });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .with_current_span(false)
            .flatten_event(true)
            .try_init(),
        LogFormat::Text => {
            let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            builder.with_ansi(colour).try_init()
        }
    };
}

async fn state_for(config: &ConfigArg) -> anyhow::Result<AppState> {
    let cfg = Config::load(&config.config)?;
    app::prepare(cfg).await
}

/// Errors from shared operations carry an HTTP status; on the command line, their message.
fn cli_err(e: crate::error::AppError) -> anyhow::Error {
    match e.cause {
        Some(cause) => cause.context(e.message),
        None => anyhow::anyhow!(e.message),
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(c) => app::serve(Config::load(&c.config)?).await,
        Command::Migrate(c) => {
            let cfg = Config::load(&c.config)?;
            db::ensure_database(&cfg.database.direct_url).await?;
            let n = db::run_migrations(&cfg.database.direct_url).await?;
            println!(
                "{n} migration(s) applied to {}",
                db::redact(&cfg.database.direct_url)
            );
            Ok(())
        }
        Command::Demo(args) => demo::run(args).await,
        Command::Org(OrgCommand::Create {
            config,
            handle,
            name,
            kind,
            country,
            region,
            official_code,
            population,
            website,
            languages,
            themes,
            summaries,
        }) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let input = NewOrganisation {
                handle,
                name,
                kind,
                profile: Profile {
                    summary: summaries.into_iter().collect::<BTreeMap<_, _>>(),
                    country,
                    region,
                    official_code,
                    population,
                    website,
                    languages,
                    themes,
                    discoverable: true,
                    indexable: true,
                    ..Profile::default()
                },
            };
            let actor = orgs::create(&mut conn, &state.urls, &input)
                .await
                .map_err(cli_err)?;
            println!(
                "created @{}@{} ({})",
                actor.handle, state.config.instance.domain, actor.ap_id
            );
            Ok(())
        }
        Command::Org(OrgCommand::List(config)) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            for a in DbActor::list_local_orgs(&mut conn).await? {
                println!(
                    "@{}@{}\t{}\t{}\t{}",
                    a.handle,
                    state.config.instance.domain,
                    a.org_kind.as_deref().unwrap_or("-"),
                    a.official_code.as_deref().unwrap_or("-"),
                    a.name
                );
            }
            Ok(())
        }
        Command::Account(AccountCommand::Create {
            config,
            username,
            password_stdin,
            admin,
            moderator,
        }) => {
            let state = state_for(&config).await?;
            let (password, generated) = if password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .context("reading the password from standard input")?;
                (line.trim_end_matches(['\r', '\n']).to_string(), false)
            } else {
                (
                    auth::new_token()
                        .0
                        .trim_start_matches("pst_")
                        .chars()
                        .take(20)
                        .collect(),
                    true,
                )
            };
            let mut conn = state.pool.get().await?;
            let account = auth::create_account(&mut conn, &username, &password, admin, moderator)
                .await
                .map_err(cli_err)?;
            println!("created account {}", account.username);
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
        Command::Account(AccountCommand::Grant {
            config,
            username,
            role,
        }) => set_role(config, username, role, true).await,
        Command::Account(AccountCommand::Revoke {
            config,
            username,
            role,
        }) => set_role(config, username, role, false).await,
        Command::Account(AccountCommand::List(config)) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            for a in Account::list(&mut conn).await? {
                let handles = Account::edited_handles(&mut conn, a.id).await?;
                let mut roles = Vec::new();
                if a.is_admin {
                    roles.push("admin".to_string());
                }
                if a.is_moderator {
                    roles.push("moderator".to_string());
                }
                roles.extend(handles.into_iter().map(|h| format!("editor:{h}")));
                println!("{}\t{}", a.username, roles.join(","));
            }
            Ok(())
        }
        Command::Token(TokenCommand::Issue {
            config,
            username,
            name,
        }) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let account = Account::by_username(&mut conn, &username)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no account `{username}`"))?;
            let (row, token) = auth::issue_token(&mut conn, &account, &name)
                .await
                .map_err(cli_err)?;
            println!("token {} ({}): {token}", row.id, row.name);
            Ok(())
        }
        Command::Deliveries { config, post } => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let rows = crate::db::models::delivery::report_for_object(&mut conn, &post).await?;
            use crate::db::models::delivery::DeliveryState;
            let delivered = rows
                .iter()
                .filter(|r| r.1 == DeliveryState::Delivered)
                .count();
            println!("delivered to {delivered} of {} inboxes", rows.len());
            for (domain, st, attempts, err) in
                rows.iter().filter(|r| r.1 != DeliveryState::Delivered)
            {
                println!(
                    "{domain}\t{st}\tattempts {attempts}\t{}",
                    err.as_deref().unwrap_or("")
                );
            }
            Ok(())
        }
        Command::Search {
            config,
            query,
            kind,
            theme,
            country,
            newest,
            local,
            limit,
            json,
        } => {
            use crate::search::{Scope, SearchParams, Sort};
            let state = state_for(&config).await?;
            let params = SearchParams {
                q: query,
                kind,
                theme,
                country,
                sort: Some(if newest {
                    Sort::Newest
                } else {
                    Sort::Relevance
                }),
                scope: Some(if local { Scope::Local } else { Scope::All }),
                limit: Some(limit),
                ..SearchParams::default()
            };
            let search = params.check().map_err(cli_err)?;
            // What was written without a running server (an import, say) is indexed now.
            let mut conn = state.conn().await.map_err(cli_err)?;
            crate::search::indexer::catch_up(&mut conn).await?;
            drop(conn);
            let answer = crate::search::run(&state, &search).await.map_err(cli_err)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&answer)?);
                return Ok(());
            }
            for n in &answer.networks {
                println!(
                    "network {:<28} {:<9} {:>6} match(es) {:>5} ms {}",
                    n.network,
                    n.status,
                    n.total,
                    n.milliseconds,
                    n.error.as_deref().unwrap_or("")
                );
            }
            if answer.capped {
                println!("more than {} matches (the newest ranked)", answer.total);
            } else {
                println!("{} match(es)", answer.total);
            }
            for h in &answer.hits {
                println!(
                    "{:<12} {}  {}\n             {}",
                    h.kind,
                    h.published.format("%Y-%m-%d"),
                    h.title,
                    h.url
                );
            }
            Ok(())
        }
        Command::Showcase(ShowcaseCommand::Create {
            config,
            handle,
            names,
            summaries,
            moderators,
            review_edits,
        }) => {
            let state = state_for(&config).await?;
            let texts = |pairs: Vec<(String, String)>, field: &str| {
                pairs
                    .into_iter()
                    .map(|(l, t)| {
                        l.parse::<crate::vocab::Lang>()
                            .map(|l| (l, t))
                            .map_err(|_| anyhow::anyhow!("{field}: unknown language `{l}`"))
                    })
                    .collect::<anyhow::Result<BTreeMap<_, _>>>()
            };
            let input = crate::forum::GroupInput {
                handle,
                name: texts(names, "name")?,
                description: texts(summaries, "summary")?,
                rules: BTreeMap::new(),
                posting_restricted_to_mods: true,
                moderators,
            };
            let mut conn = state.pool.get().await?;
            let g = crate::review::create_showcase(&mut conn, &state, &input, review_edits, None)
                .await
                .map_err(cli_err)?;
            println!(
                "showcase {} (@{}@{}) set up",
                g.actor.ap_id, g.actor.handle, g.actor.domain
            );
            Ok(())
        }
        Command::Partners(command) => partners_command(command).await,
        Command::Relay(RelayCommand::Subscribe {
            config,
            target,
            style,
        }) => {
            use diesel_async::AsyncConnection;
            let state = state_for(&config).await?;
            let fed = crate::federation::federation_config(state.clone()).await?;
            let data = fed.to_request_data();
            let target = crate::api::relays::resolve_target(&data, &target, style.as_deref())
                .await
                .map_err(cli_err)?;
            let mut conn = state.pool.get().await?;
            let st = &state;
            let s = conn
                .transaction::<_, crate::error::AppError, _>(async |conn| {
                    relay::subscribe(conn, st, &target).await
                })
                .await
                .map_err(cli_err)?;
            println!(
                "subscription to {} {} (the running server delivers the request)",
                s.network, s.state
            );
            Ok(())
        }
        Command::Relay(RelayCommand::List(config)) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            for s in relay::subscriptions(&mut conn).await.map_err(cli_err)? {
                let kind = match s.style {
                    Some(style) => format!("relay ({style})"),
                    None => "peer".to_string(),
                };
                println!(
                    "{:<30} {:<10} {kind:<18} {}",
                    s.network,
                    s.state.code(),
                    s.actor.as_deref().unwrap_or(&s.inbox)
                );
            }
            Ok(())
        }
        Command::Relay(RelayCommand::Unsubscribe { config, network }) => {
            use diesel_async::AsyncConnection;
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let st = &state;
            conn.transaction::<_, crate::error::AppError, _>(async |conn| {
                relay::unsubscribe(conn, st, &network).await
            })
            .await
            .map_err(cli_err)?;
            println!("unsubscribed from {network}");
            Ok(())
        }
        Command::Queue(config) => {
            use crate::db::models::delivery;
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let s = delivery::summary(&mut conn).await?;
            println!(
                "pending {}  (of which failing {})  delivered {}  given up {}",
                s.pending, s.failing, s.delivered, s.gave_up
            );
            for i in delivery::instance_health(&mut conn).await? {
                let since = i
                    .failing_since
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_else(|| "-".into());
                let state = if i.unreachable {
                    "unreachable"
                } else if i.failing_since.is_some() {
                    "failing"
                } else {
                    "ok"
                };
                println!(
                    "{}\t{state}\tpending {}\tfailing since {since}",
                    i.domain, i.pending
                );
            }
            Ok(())
        }
        Command::Block(BlockCommand::Add {
            config,
            domain,
            reason,
        }) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let domain = domain.to_ascii_lowercase();
            anyhow::ensure!(
                crate::config::valid_domain(&domain),
                "`{domain}` is not a host name with an optional port"
            );
            crate::db::models::delivery::block(&mut conn, &domain, reason.as_deref()).await?;
            println!("blocked {domain}");
            Ok(())
        }
        Command::Block(BlockCommand::Remove { config, domain }) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            anyhow::ensure!(
                crate::db::models::delivery::unblock(&mut conn, &domain.to_ascii_lowercase())
                    .await?
                    > 0,
                "`{domain}` is not blocked"
            );
            println!("unblocked {domain}");
            Ok(())
        }
        Command::Block(BlockCommand::List(config)) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            for b in crate::db::models::delivery::blocks(&mut conn).await? {
                println!(
                    "{}\t{}\t{}",
                    b.domain,
                    b.source,
                    b.reason.unwrap_or_default()
                );
            }
            Ok(())
        }
        Command::Partnerships(PartnershipCommand::List {
            config,
            countries,
            regions,
            kind,
            confirmed,
        }) => {
            use crate::db::models::partnership::{DbPartnership, RegistryFilter};
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let pair = |s: Option<String>| {
                s.and_then(|s| {
                    s.split_once(',')
                        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                })
            };
            let filter = RegistryFilter {
                countries: pair(countries).map(|(a, b)| (a.to_uppercase(), b.to_uppercase())),
                regions: pair(regions),
                kind: kind
                    .map(|k| k.parse::<crate::vocab::PartnershipKind>())
                    .transpose()
                    .map_err(anyhow::Error::msg)?,
                confirmed_only: confirmed,
                ..RegistryFilter::default()
            };
            let (rows, total) = DbPartnership::registry(&mut conn, &filter, 10_000, 0).await?;
            for p in rows {
                let r = &p.partnership;
                println!(
                    "{}\t{} ({})\t{} ({})\t{}\t{}\t{}",
                    r.founded_year
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| "-".into()),
                    p.subject.name,
                    p.subject.domain,
                    p.object.name,
                    p.object.domain,
                    r.kind,
                    r.status,
                    if r.confirmed {
                        "confirmed"
                    } else {
                        "unconfirmed"
                    }
                );
            }
            eprintln!("{total} partnership(s)");
            Ok(())
        }
        Command::Partnerships(PartnershipCommand::Stats(config)) => {
            use crate::partnerships::stats;
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let rows = crate::db::models::partnership::DbPartnership::all(&mut conn).await?;
            let s = stats::compute(&stats::merge(rows.iter().map(stats::record)));
            print!("{}", stats::to_csv(&s));
            Ok(())
        }
        Command::Partnerships(PartnershipCommand::Import {
            config,
            file,
            skip_invalid,
        }) => {
            let state = state_for(&config).await?;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let text = crate::partnerships::import::decode_text(&bytes);
            let mut conn = state.pool.get().await?;
            let opts = crate::partnerships::import::ImportOptions { skip_invalid };
            let started = std::time::Instant::now();
            let report =
                crate::partnerships::import::import_csv(&mut conn, &state.urls, &text, &opts)
                    .await
                    .map_err(cli_err)?;
            for r in &report.rejected {
                eprintln!("line {}: {}", r.line, r.reason);
            }
            println!("{}", serde_json::to_string_pretty(&report)?);
            eprintln!("took {:.2} s", started.elapsed().as_secs_f64());
            anyhow::ensure!(
                report.imported,
                "nothing imported: {} row(s) rejected (use --skip-invalid to import the others)",
                report.rejected.len()
            );
            Ok(())
        }
        Command::Partnerships(PartnershipCommand::Export { config, file }) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            let orgs = DbActor::list_local_orgs(&mut conn).await?;
            let rows = crate::db::models::partnership::DbPartnership::all(&mut conn).await?;
            let (_, body) = crate::partnerships::export::file(&file, &orgs, &rows)
                .ok_or_else(|| anyhow::anyhow!("unknown export `{file}`"))?;
            print!("{body}");
            Ok(())
        }
        Command::Token(TokenCommand::Revoke { config, id }) => {
            let state = state_for(&config).await?;
            let mut conn = state.pool.get().await?;
            if ApiToken::revoke(&mut conn, id).await? {
                println!("token {id} revoked");
                Ok(())
            } else {
                anyhow::bail!("no live token {id}")
            }
        }
    }
}

async fn set_role(
    config: ConfigArg,
    username: String,
    role: String,
    grant: bool,
) -> anyhow::Result<()> {
    let state = state_for(&config).await?;
    let mut conn = state.pool.get().await?;
    let role = auth::parse_role(&role).map_err(cli_err)?;
    let account = Account::by_username(&mut conn, &username)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account `{username}`"))?;
    auth::set_role(&mut conn, &account, &role, grant)
        .await
        .map_err(cli_err)?;
    println!(
        "{} {role:?} {} {username}",
        if grant { "granted" } else { "revoked" },
        if grant { "to" } else { "from" }
    );
    Ok(())
}

async fn partners_command(command: PartnersCommand) -> anyhow::Result<()> {
    use crate::partners::{LookingQuery, Scope};
    let scope = |local: bool| if local { Scope::Local } else { Scope::All };
    match command {
        PartnersCommand::Looking {
            config,
            purpose,
            country,
            theme,
            kind,
            language,
            local,
            json,
        } => {
            let state = state_for(&config).await?;
            let filter = LookingQuery {
                purpose,
                country,
                theme,
                kind,
                language,
                scope: None,
            }
            .filter()
            .map_err(cli_err)?;
            let list = crate::partners::looking(&state, &filter, scope(local))
                .await
                .map_err(cli_err)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
                return Ok(());
            }
            for n in &list.networks {
                println!(
                    "network {:<28} {:<9} {:>5} organisation(s) {:>5} ms {}",
                    n.network,
                    n.status,
                    n.count,
                    n.milliseconds,
                    n.error.as_deref().unwrap_or("")
                );
            }
            for o in &list.organisations {
                println!(
                    "{:<40} {:<4} {:<30} {}\n    {}",
                    o.name,
                    o.country.as_deref().unwrap_or(""),
                    o.purposes.join(","),
                    o.handle,
                    o.url
                );
            }
            Ok(())
        }
        PartnersCommand::Suggest {
            config,
            handle,
            limit,
            lang,
            local,
            json,
        } => {
            let state = state_for(&config).await?;
            let lang: crate::vocab::Lang = lang
                .parse()
                .map_err(|_| anyhow::anyhow!("unknown language `{lang}`"))?;
            let mut conn = state.conn().await.map_err(cli_err)?;
            let org = DbActor::local_by_handle(&mut conn, &handle)
                .await?
                .filter(DbActor::is_organisation)
                .ok_or_else(|| anyhow::anyhow!("no organisation `{handle}` here"))?;
            drop(conn);
            let answer = crate::partners::suggest(&state, &org, scope(local), limit, lang)
                .await
                .map_err(cli_err)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&answer)?);
                return Ok(());
            }
            for n in &answer.networks {
                println!(
                    "network {:<28} {:<9} {:>5} suggestion(s) {:>5} ms {}",
                    n.network,
                    n.status,
                    n.count,
                    n.milliseconds,
                    n.error.as_deref().unwrap_or("")
                );
            }
            if let Some(note) = &answer.note {
                println!("note: {note}");
            }
            for s in &answer.suggestions {
                println!(
                    "{:>3} %  {:<40} {}\n        {}",
                    (s.score * 100.0).round(),
                    s.name,
                    s.handle,
                    s.explanation
                );
            }
            Ok(())
        }
    }
}
