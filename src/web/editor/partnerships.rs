//! An organisation's partnerships in the editors' interface: propose one (to a local or
//! remote organisation), accept or decline a proposal addressed to it, mark one dormant or
//! active, end one. The same domain functions as the API's (`crate::partnerships`).

use super::lookup;
use crate::db::models::actor::DbActor;
use crate::db::models::partnership::{DbPartnership, PartnershipFull};
use crate::error::AppError;
use crate::partnerships::{self as domain, Change, Proposal};
use crate::state::FedData;
use crate::vocab::{Lang, PartnershipKind, PartnershipStatus};
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::form::FormState;
use crate::web::i18n::partnership_status;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use diesel_async::AsyncConnection;
use std::collections::BTreeMap;

pub struct Row {
    pub id: i64,
    pub partner: String,
    pub partner_handle: String,
    pub kind: String,
    pub since: String,
    pub status: String,
    /// Waiting for this organisation's answer.
    pub awaits_us: bool,
    /// Proposed by this organisation, waiting for the partner.
    pub awaits_them: bool,
    pub can_change: bool,
    pub dormant: bool,
    /// The proposer's description, in the editor's language where it has one, else in
    /// another (empty when it has none), and that language's code.
    pub description: String,
    pub description_lang: String,
}

/// A partnership's description (a map of language codes to texts) in `lang`, else in the
/// first language it has, with the language's code.
fn description_in(description: &serde_json::Value, lang: Lang) -> (String, String) {
    let Some(texts) = description.as_object() else {
        return Default::default();
    };
    let written = |(l, t): (&String, &serde_json::Value)| {
        t.as_str()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| (t.to_string(), l.clone()))
    };
    texts
        .get_key_value(lang.code())
        .and_then(written)
        .or_else(|| texts.iter().find_map(written))
        .unwrap_or_default()
}

fn row(p: &PartnershipFull, org: &DbActor, lang: Lang) -> Row {
    let r = &p.partnership;
    let partner = p.partner_of(org.id);
    let open = !r.status.is_closed();
    let description = description_in(&r.description, lang);
    Row {
        id: r.id,
        partner: partner.name.clone(),
        partner_handle: format!("@{}@{}", partner.handle, partner.domain),
        kind: r.kind.label(lang).to_string(),
        since: r.founded_year.map(|y| y.to_string()).unwrap_or_default(),
        status: partnership_status(r.status, r.confirmed, lang).to_string(),
        awaits_us: r.awaits_answer_from(org.id),
        awaits_them: r.awaits_answer_from(partner.id),
        can_change: open && r.status != PartnershipStatus::Proposed,
        dormant: r.status == PartnershipStatus::Dormant,
        description: description.0,
        description_lang: description.1,
    }
}

#[derive(Template)]
#[template(path = "editor/partnerships.html")]
struct Page {
    layout: EditorLayout,
    handle: String,
    name: String,
    rows: Vec<Row>,
    kinds: Vec<(&'static str, &'static str)>,
    languages: Vec<Lang>,
    /// The picker's organisations: name and address.
    choices: Vec<(String, String)>,
    form: FormState,
    notice: Option<String>,
    tab: &'static str,
}

/// The most organisations the partner picker offers.
const PARTNER_CHOICES: i64 = 2_000;

async fn show(
    ctx: &Ctx,
    org: &DbActor,
    form: FormState,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let all = DbPartnership::of_actor(&mut conn, org.id).await?;
    let choices = DbActor::partner_choices(&mut conn, org.id, PARTNER_CHOICES).await?;
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = render(Page {
        layout: ctx.layout(
            ctx.t.partnerships,
            &format!("/editor/{}/partnerships", org.handle),
        ),
        handle: org.handle.clone(),
        name: org.name.clone(),
        rows: all.iter().map(|p| row(p, org, ctx.lang)).collect(),
        kinds: PartnershipKind::ALL
            .iter()
            .map(|k| (k.code(), k.label(ctx.lang)))
            .collect(),
        languages: Lang::ALL.to_vec(),
        choices,
        form,
        notice,
        tab: "partnerships",
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

pub async fn page(
    ctx: Ctx,
    Path(handle): Path<String>,
    Query(n): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let mut form = FormState::default();
    form.set("kind", "twinning");
    show(&ctx, &org, form, n.text(ctx.t)).await
}

pub async fn propose(
    ctx: Ctx,
    data: FedData,
    Path(handle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let partner_text = form.val("partner").trim().to_string();
    if partner_text.is_empty() {
        form.fail("partner", ctx.t.required);
    }
    let kind = form.val("kind").parse::<PartnershipKind>();
    if kind.is_err() {
        form.fail("kind", ctx.t.bad_value);
    }
    let founded_year = match form.opt("founded_year") {
        None => None,
        Some(y) => match y.parse::<i32>() {
            Ok(y) => Some(y),
            Err(_) => {
                form.fail("founded_year", ctx.t.bad_year);
                None
            }
        },
    };
    let (Ok(kind), true) = (kind, form.ok()) else {
        return show(&ctx, &org, form, None).await;
    };
    let Some(partner) = lookup::actor(&data, ctx.t, &partner_text, &mut form, "partner").await?
    else {
        return show(&ctx, &org, form, None).await;
    };
    let description: BTreeMap<String, String> = Lang::ALL
        .iter()
        .filter_map(|l| {
            form.opt(&format!("description_{}", l.code()))
                .map(|d| (l.code().to_string(), d))
        })
        .collect();
    let proposal = Proposal {
        partner: partner_text,
        kind,
        founded_year,
        languages: vec![],
        themes: vec![],
        description,
    };
    let mut conn = ctx.state.conn().await?;
    let state = ctx.state.clone();
    let result = conn
        .transaction::<_, AppError, _>(async |conn| {
            domain::propose(conn, &state, &org, &partner, &proposal).await
        })
        .await;
    match result {
        Ok(_) => {
            state.wakeup.wake();
            Ok(ctx.redirect_with_notice(
                &format!("/editor/{handle}/partnerships"),
                Notice::PartnershipProposed,
            ))
        }
        Err(e) if e.status.is_client_error() => {
            form.fail_app(ctx.lang, &e, |f| {
                ["partner", "kind", "founded_year"]
                    .contains(&f)
                    .then(|| f.to_string())
            });
            show(&ctx, &org, form, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Accept, decline, mark dormant or active, or end (`verb`).
pub async fn act(
    ctx: Ctx,
    Path((handle, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let org = ctx.editable_org(&handle).await?;
    let mut conn = ctx.state.conn().await?;
    let not_found =
        || WebError::new(StatusCode::NOT_FOUND, ctx.t.no_such_partnership).lang(ctx.lang);
    let row = DbPartnership::by_id(&mut conn, id)
        .await?
        .ok_or_else(not_found)?;
    let p = DbPartnership::with_actors(&mut conn, vec![row])
        .await?
        .pop()
        .ok_or_else(not_found)?;
    if p.subject.id != org.id && p.object.id != org.id {
        return Err(not_found());
    }
    let state = ctx.state.clone();
    let verb = form.val("verb").to_string();
    let (result, notice) = match verb.as_str() {
        "accept" | "decline" => {
            let accept = verb == "accept";
            let r = conn
                .transaction::<_, AppError, _>(async |conn| {
                    domain::answer(conn, &state, &p, org.id, accept).await
                })
                .await;
            (
                r,
                if accept {
                    Notice::PartnershipAccepted
                } else {
                    Notice::PartnershipDeclined
                },
            )
        }
        "end" | "dormant" | "active" => {
            let change = Change {
                status: Some(match verb.as_str() {
                    "end" => PartnershipStatus::Ended,
                    "dormant" => PartnershipStatus::Dormant,
                    _ => PartnershipStatus::Active,
                }),
                ended_on: (verb == "end").then(|| chrono::Utc::now().date_naive()),
                ..Default::default()
            };
            let r = conn
                .transaction::<_, AppError, _>(async |conn| {
                    domain::change(conn, &state, &p, &org, &change).await
                })
                .await;
            (r, Notice::PartnershipChanged)
        }
        _ => return Err(WebError::new(StatusCode::BAD_REQUEST, ctx.t.bad_value).lang(ctx.lang)),
    };
    result?;
    state.wakeup.wake();
    Ok(ctx.redirect_with_notice(&format!("/editor/{handle}/partnerships"), notice))
}
