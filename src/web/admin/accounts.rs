//! Accounts, their roles and API tokens; organisations (admins only). Through the same
//! functions as the API and the CLI (`crate::auth`, `crate::orgs`).

use super::require_admin;
use crate::db::models::account::{Account, ApiToken};
use crate::db::models::actor::DbActor;
use crate::db::models::web_session::WebSession;
use crate::error::AppError;
use crate::orgs::{NewOrganisation, Profile};
use crate::vocab::OrgKind;
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::form::FormState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;

pub struct AccountRow {
    pub username: String,
    pub roles: Vec<String>,
}

async fn roles_of(
    conn: &mut diesel_async::AsyncPgConnection,
    a: &Account,
) -> Result<Vec<String>, AppError> {
    let mut roles = Vec::new();
    if a.is_admin {
        roles.push("admin".to_string());
    }
    if a.is_moderator {
        roles.push("moderator".to_string());
    }
    for h in Account::edited_handles(conn, a.id).await? {
        roles.push(format!("editor:{h}"));
    }
    Ok(roles)
}

#[derive(Template)]
#[template(path = "admin/accounts.html")]
struct AccountsPage {
    layout: EditorLayout,
    accounts: Vec<AccountRow>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

async fn show_list(
    ctx: &Ctx,
    form: FormState,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let mut accounts = Vec::new();
    for a in Account::list(&mut conn).await? {
        accounts.push(AccountRow {
            roles: roles_of(&mut conn, &a).await?,
            username: a.username,
        });
    }
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(AccountsPage {
        layout: ctx.layout(ctx.t.accounts, "/admin/accounts"),
        accounts,
        form,
        notice,
        tab: "accounts",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn list(ctx: Ctx, Query(n): Query<NoticeQuery>) -> Result<Response, WebError> {
    require_admin(&ctx)?;
    show_list(&ctx, FormState::default(), n.text(ctx.t)).await
}

pub async fn create(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_admin(&ctx)?;
    let username = form.val("username").trim().to_string();
    let password = form.val("password").to_string();
    form.set("password", "");
    let mut conn = ctx.state.conn().await?;
    match crate::auth::create_account(
        &mut conn,
        &username,
        &password,
        form.has("admin", "1"),
        form.has("moderator", "1"),
    )
    .await
    {
        Ok(a) => Ok(ctx.redirect_with_notice(
            &format!("/admin/accounts/{}", a.username),
            Notice::AccountCreated,
        )),
        Err(e) if e.status.is_client_error() => {
            form.fail_app(ctx.lang, &e, |f| Some(f.to_string()));
            if let Some(m) = form.errors.remove("form") {
                form.fail("username", m);
            }
            show_list(&ctx, form, None).await
        }
        Err(e) => Err(e.into()),
    }
}

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
}

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    layout: EditorLayout,
    username: String,
    roles: Vec<String>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

async fn load(ctx: &Ctx, username: &str) -> Result<Account, WebError> {
    let mut conn = ctx.state.conn().await?;
    Account::by_username(&mut conn, username)
        .await?
        .ok_or_else(|| {
            WebError::new(
                StatusCode::NOT_FOUND,
                format!("{} `{username}`", ctx.t.no_such_account),
            )
            .lang(ctx.lang)
        })
}

async fn show_account(
    ctx: &Ctx,
    account: &Account,
    form: FormState,
    new_token: Option<String>,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let fmt =
        |d: chrono::DateTime<chrono::Utc>| crate::web::i18n::format_date(d.date_naive(), ctx.lang);
    let tokens = ApiToken::list_for(&mut conn, account.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            created: fmt(t.created_at),
            last_used: t.last_used_at.map(fmt).unwrap_or_default(),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(AccountPage {
        layout: ctx.layout(
            &account.username,
            &format!("/admin/accounts/{}", account.username),
        ),
        username: account.username.clone(),
        roles: roles_of(&mut conn, account).await?,
        tokens,
        new_token,
        form,
        notice,
        tab: "accounts",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn show(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(n): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    require_admin(&ctx)?;
    let account = load(&ctx, &username).await?;
    show_account(&ctx, &account, FormState::default(), None, n.text(ctx.t)).await
}

/// Grant (`role` + `grant`) or revoke (`role` + `revoke`) a role.
pub async fn roles(
    ctx: Ctx,
    Path(username): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_admin(&ctx)?;
    let account = load(&ctx, &username).await?;
    let grant = form.val("verb") != "revoke";
    let role = match crate::auth::parse_role(form.val("role").trim()) {
        Ok(r) => r,
        Err(e) => {
            form.fail_app(ctx.lang, &e, |_| Some("role".into()));
            return show_account(&ctx, &account, form, None, None).await;
        }
    };
    let mut conn = ctx.state.conn().await?;
    if let Err(e) = crate::auth::set_role(&mut conn, &account, &role, grant).await {
        if e.status.is_client_error() {
            form.fail_app(ctx.lang, &e, |_| Some("role".into()));
            return show_account(&ctx, &account, form, None, None).await;
        }
        return Err(e.into());
    }
    tracing::info!(
        account = account.username,
        role = form.val("role"),
        grant,
        by = ctx.session.account.username,
        "role changed"
    );
    Ok(ctx.redirect_with_notice(
        &format!("/admin/accounts/{}", account.username),
        Notice::RolesChanged,
    ))
}

/// Issue a token (`name`) or revoke one (`revoke` = its id); end all web sessions
/// (`end_sessions`).
pub async fn tokens(
    ctx: Ctx,
    Path(username): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_admin(&ctx)?;
    let account = load(&ctx, &username).await?;
    let mut conn = ctx.state.conn().await?;
    if let Some(id) = form.opt("revoke") {
        let id: i64 = id
            .parse()
            .map_err(|_| WebError::new(StatusCode::BAD_REQUEST, ctx.t.bad_value).lang(ctx.lang))?;
        match ApiToken::by_id(&mut conn, id).await? {
            Some(t) if t.account_id == account.id => {
                ApiToken::revoke(&mut conn, id).await?;
            }
            _ => return Err(WebError::new(StatusCode::NOT_FOUND, ctx.t.bad_value).lang(ctx.lang)),
        }
        return Ok(ctx.redirect_with_notice(
            &format!("/admin/accounts/{}", account.username),
            Notice::TokenRevoked,
        ));
    }
    if form.has("end_sessions", "1") {
        WebSession::delete_for_account(&mut conn, account.id).await?;
        return Ok(ctx.redirect_with_notice(
            &format!("/admin/accounts/{}", account.username),
            Notice::SessionsEnded,
        ));
    }
    match crate::auth::issue_token(&mut conn, &account, form.val("name")).await {
        Ok((_, secret)) => {
            show_account(&ctx, &account, FormState::default(), Some(secret), None).await
        }
        Err(e) if e.status.is_client_error() => {
            form.fail_app(ctx.lang, &e, |_| Some("name".into()));
            show_account(&ctx, &account, form, None, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/organisations.html")]
struct OrgsPage {
    layout: EditorLayout,
    orgs: Vec<(String, String, String)>,
    kinds: Vec<(&'static str, &'static str)>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

async fn show_orgs(
    ctx: &Ctx,
    form: FormState,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let orgs = DbActor::list_local_orgs(&mut conn).await?;
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(OrgsPage {
        layout: ctx.layout(ctx.t.organisations, "/admin/organisations"),
        orgs: orgs
            .into_iter()
            .map(|o| {
                let kind = o
                    .org_kind
                    .as_deref()
                    .and_then(|k| k.parse::<OrgKind>().ok())
                    .map(|k| k.label(ctx.lang).to_string())
                    .unwrap_or_default();
                (o.handle, o.name, kind)
            })
            .collect(),
        kinds: [
            OrgKind::Municipality,
            OrgKind::District,
            OrgKind::Region,
            OrgKind::Association,
            OrgKind::Network,
            OrgKind::School,
            OrgKind::Other,
        ]
        .iter()
        .map(|k| (k.code(), k.label(ctx.lang)))
        .collect(),
        form,
        notice,
        tab: "organisations",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn organisations(ctx: Ctx, Query(n): Query<NoticeQuery>) -> Result<Response, WebError> {
    require_admin(&ctx)?;
    let mut form = FormState::default();
    form.set("kind", "municipality");
    show_orgs(&ctx, form, n.text(ctx.t)).await
}

pub async fn create_organisation(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    require_admin(&ctx)?;
    let kind = match form.val("kind").parse::<OrgKind>() {
        Ok(k) => k,
        Err(_) => {
            form.fail("kind", ctx.t.bad_value);
            return show_orgs(&ctx, form, None).await;
        }
    };
    let input = NewOrganisation {
        handle: form.val("handle").trim().to_string(),
        name: form.val("name").trim().to_string(),
        kind,
        profile: Profile {
            country: form.opt("country").map(|c| c.to_uppercase()),
            lau: form.opt("lau").map(|c| c.trim().to_uppercase()),
            nuts: form.opt("nuts").map(|c| c.trim().to_uppercase()),
            languages: form
                .val("languages")
                .split(',')
                .map(|l| l.trim().to_lowercase())
                .filter(|l| !l.is_empty())
                .collect(),
            discoverable: true,
            indexable: true,
            ..Default::default()
        },
    };
    let mut conn = ctx.state.conn().await?;
    match crate::orgs::create(&mut conn, &ctx.state.urls, &input).await {
        Ok(o) => Ok(ctx.redirect_with_notice_about(
            "/admin/organisations",
            Notice::OrganisationCreated,
            &format!("@{}", o.handle),
        )),
        Err(e) if e.status.is_client_error() => {
            form.fail_app(ctx.lang, &e, |f| {
                let f = f.split(['[', '.']).next().unwrap_or(f);
                [
                    "handle",
                    "name",
                    "kind",
                    "country",
                    "lau",
                    "nuts",
                    "languages",
                ]
                .contains(&f)
                .then(|| f.to_string())
            });
            if let Some(m) = form.errors.remove("form") {
                form.fail("handle", m);
            }
            show_orgs(&ctx, form, None).await
        }
        Err(e) => Err(e.into()),
    }
}
