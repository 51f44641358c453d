//! Posts in the editors' interface: the dashboard, an organisation's posts with their
//! delivery status, the post form (preview, publish, update), pin and delete.

use super::post_form::{self, FormImage};
use crate::db::models::actor::DbActor;
use crate::db::models::delivery::{self, DeliveryState};
use crate::db::models::post::{DbPost, PostFull};
use crate::error::AppError;
use crate::federation::resolve::ResolveError;
use crate::posts::PartnerError;
use crate::vocab::{Lang, THEMES, sdg_name};
use crate::web::backoffice::{Ctx, EditorLayout, Notice, NoticeQuery, WebError, render};
use crate::web::form::FormState;
use crate::web::once;
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::Response;

#[derive(Template)]
#[template(path = "editor/dashboard.html")]
struct Dashboard {
    layout: EditorLayout,
    /// Handle, name, and the line saying how many partnership proposals wait for its
    /// answer (empty when none).
    orgs: Vec<(String, String, String)>,
    r: &'static crate::web::i18n::ReviewStrings,
    /// For the network's reviewers: submissions waiting for them.
    waiting: Option<i64>,
    /// For the keepers of the network's funding programmes: the link's text.
    funding: Option<&'static str>,
}

pub async fn dashboard(ctx: Ctx) -> Result<Response, WebError> {
    let mut conn = ctx.state.conn().await?;
    let orgs: Vec<DbActor> = if ctx.session.account.is_admin {
        DbActor::list_local_orgs(&mut conn).await?
    } else {
        let handles =
            crate::db::models::account::Account::edited_handles(&mut conn, ctx.session.account.id)
                .await?;
        let mut v = Vec::new();
        for h in handles {
            if let Some(a) = DbActor::local_by_handle(&mut conn, &h).await? {
                v.push(a);
            }
        }
        v
    };
    let waiting = if crate::review::reviews_anything(&mut conn, &ctx.session.account).await? {
        Some(crate::db::models::submission::waiting_count(&mut conn).await?)
    } else {
        None
    };
    let keeps_funding = crate::funding::keeps_directory(&mut conn, &ctx.session.account).await?;
    let ids: Vec<i64> = orgs.iter().map(|o| o.id).collect();
    let proposals =
        crate::db::models::partnership::DbPartnership::awaiting_answer(&mut conn, &ids).await?;
    render(Dashboard {
        layout: ctx.layout(ctx.t.my_organisations, "/editor"),
        orgs: orgs
            .into_iter()
            .map(|o| {
                let waiting = proposals
                    .get(&o.id)
                    .map(|n| ctx.t.proposals_awaiting_answer(*n))
                    .unwrap_or_default();
                (o.handle, o.name, waiting)
            })
            .collect(),
        r: crate::web::i18n::review_strings(ctx.lang),
        waiting,
        funding: keeps_funding.then(|| text(ctx.lang, "fund-form-list-title")),
    })
}

/// Delivery of a post's activities, by instance (the latest activity counts per instance).
pub struct DeliveryStatus {
    pub instances: usize,
    /// No delivery is on record and the post is older than the records are kept: whether
    /// it was sent is no longer known.
    pub not_kept: bool,
    /// How long delivery records are kept (`retention.sent_days`), in days.
    pub kept_days: usize,
    pub delivered: usize,
    pub pending: usize,
    /// (instance, state, attempts, last error)
    pub failing: Vec<(String, String, i32, String)>,
}

pub async fn delivery_status(
    conn: &mut diesel_async::AsyncPgConnection,
    post: &PostFull,
    kept_days: u64,
) -> Result<DeliveryStatus, WebError> {
    let rows = delivery::report_for_object(conn, post.post.ap_id.as_str()).await?;
    let mut last: Vec<(String, DeliveryState, i32, Option<String>)> = Vec::new();
    for r in rows {
        match last.iter_mut().find(|l| l.0 == r.0) {
            Some(l) => *l = r,
            None => last.push(r),
        }
    }
    let kept = chrono::Duration::days(kept_days.min(100_000) as i64);
    let not_kept = last.is_empty() && post.post.published < chrono::Utc::now() - kept;
    Ok(DeliveryStatus {
        instances: last.len(),
        not_kept,
        kept_days: kept_days as usize,
        delivered: last
            .iter()
            .filter(|r| r.1 == DeliveryState::Delivered)
            .count(),
        pending: last
            .iter()
            .filter(|r| r.1 == DeliveryState::Pending && r.2 == 0)
            .count(),
        failing: last
            .iter()
            .filter(|r| r.1.is_failing(r.2))
            .map(|r| {
                (
                    r.0.clone(),
                    r.1.to_string(),
                    r.2,
                    r.3.clone().unwrap_or_default(),
                )
            })
            .collect(),
    })
}

pub struct PostRow {
    pub id: String,
    pub title: String,
    pub url: String,
    pub date: String,
    pub pinned: bool,
    pub languages: String,
    pub status: DeliveryStatus,
    /// Its submissions to showcases: (showcase, state in words).
    pub submissions: Vec<(String, &'static str)>,
}

/// A post's submissions to showcases, as the organisation's page lists them.
async fn submission_states(
    conn: &mut diesel_async::AsyncPgConnection,
    post: &PostFull,
    lang: Lang,
) -> Result<Vec<(String, &'static str)>, WebError> {
    let subs = crate::db::models::submission::of_post(conn, post.post.id).await?;
    if subs.is_empty() {
        return Ok(vec![]);
    }
    let groups = DbActor::by_ids(conn, subs.iter().map(|s| s.group_id)).await?;
    let r = crate::web::i18n::review_strings(lang);
    Ok(subs
        .iter()
        .map(|s| {
            let name = groups.get(&s.group_id).map(|g| g.name.clone());
            (
                name.unwrap_or_default(),
                super::review::state_label(s.state(), r),
            )
        })
        .collect())
}

/// The id editor paths use for a local post: the UUID at the end of its URL.
pub fn post_key(post: &DbPost) -> String {
    post.ap_id
        .as_str()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[derive(Template)]
#[template(path = "editor/organisation.html")]
struct OrgPage {
    layout: EditorLayout,
    handle: String,
    name: String,
    profile_url: String,
    posts: Vec<PostRow>,
    notice: Option<String>,
    tab: &'static str,
    r: &'static crate::web::i18n::ReviewStrings,
}

pub async fn organisation(
    ctx: Ctx,
    Path(handle): Path<String>,
    Query(n): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let mut conn = ctx.state.conn().await?;
    let posts = DbPost::page_by_actor(&mut conn, org.id, None, 50).await?;
    let mut rows = Vec::new();
    for p in &posts {
        let tr = p.in_language(ctx.lang.code()).or_else(|| p.main());
        rows.push(PostRow {
            id: post_key(&p.post),
            title: tr.map(|t| t.title.clone()).unwrap_or_default(),
            url: p.post.ap_id.to_string(),
            date: crate::web::i18n::format_date(p.post.published.date_naive(), ctx.lang),
            pinned: p.post.pinned_at.is_some(),
            languages: p
                .translations
                .iter()
                .map(|t| t.language.clone())
                .collect::<Vec<_>>()
                .join(", "),
            status: delivery_status(&mut conn, p, ctx.state.config.retention.sent_days).await?,
            submissions: submission_states(&mut conn, p, ctx.lang).await?,
        });
    }
    render(OrgPage {
        layout: ctx.layout(&org.name, &format!("/editor/{handle}")),
        profile_url: ctx.state.urls.actor(&org.handle),
        handle: org.handle,
        name: org.name,
        posts: rows,
        notice: n.text(ctx.t),
        tab: "posts",
        r: crate::web::i18n::review_strings(ctx.lang),
    })
}

#[derive(Template)]
#[template(path = "editor/post_form.html")]
struct PostFormPage {
    layout: EditorLayout,
    handle: String,
    org_name: String,
    action: String,
    editing: bool,
    form: FormState,
    languages: Vec<Lang>,
    themes: Vec<(&'static str, &'static str)>,
    /// The Sustainable Development Goals, with their names.
    sdgs: Vec<(i16, &'static str)>,
    images: Vec<FormImage>,
    previews: Vec<(Lang, String, String, String)>,
    /// The dates as the post will show them, for the preview; empty without dates.
    preview_dates: String,
    /// The organisations to tick as partners: the organisation's partners and those already
    /// chosen, as (id, name, address).
    partner_picks: Vec<(String, String, String)>,
    /// The preview's partners, as (name, address), once they are looked up.
    preview_partners: Vec<(String, String)>,
    /// The funding programmes of the directory a post can name: (id, name, funder).
    programmes: Vec<(String, String, String)>,
    /// The programme field's label, its "none" choice and its hint.
    funded: (&'static str, &'static str, &'static str),
}

async fn form_page(
    ctx: &Ctx,
    org: &DbActor,
    action: String,
    editing: bool,
    form: FormState,
    preview: Option<Vec<String>>,
) -> Result<Response, WebError> {
    let title = if editing {
        ctx.t.edit_post
    } else {
        ctx.t.new_post
    };
    let status = if form.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut conn = ctx.state.conn().await?;
    let programmes = crate::db::models::funding::DbProgramme::all(&mut conn).await?;
    let partner_picks = partner_picks(&mut conn, org, &form).await?;
    let preview_partners = match &preview {
        Some(ids) => named(&mut conn, ids)
            .await?
            .into_iter()
            .map(|(_, name, address)| (name, address))
            .collect(),
        None => vec![],
    };
    drop(conn);
    let mut programmes: Vec<(String, String, String)> = programmes
        .iter()
        .map(|p| {
            let name = p.text(ctx.lang.code()).map(|t| t.name.clone());
            (
                p.programme.ap_id.to_string(),
                name.unwrap_or_default(),
                p.programme.funder.clone(),
            )
        })
        .collect();
    programmes.sort_by_key(|p| p.1.to_lowercase());
    let mut resp = render(PostFormPage {
        layout: ctx.layout(title, &action_path(&action)),
        handle: org.handle.clone(),
        org_name: org.name.clone(),
        editing,
        languages: Lang::ALL.to_vec(),
        themes: THEMES.iter().map(|t| (t.slug, t.label(ctx.lang))).collect(),
        sdgs: (1..=17).map(|g| (g, sdg_name(g, ctx.lang))).collect(),
        images: post_form::images(&form),
        previews: if preview.is_some() {
            post_form::previews(&form)
        } else {
            vec![]
        },
        partner_picks,
        preview_partners,
        preview_dates: preview_dates(&form, ctx.lang),
        programmes,
        funded: (
            text(ctx.lang, "fund-funded-by"),
            text(ctx.lang, "fund-funded-none"),
            text(ctx.lang, "fund-funded-hint"),
        ),
        form,
        action,
    })?;
    *resp.status_mut() = status;
    Ok(resp)
}

/// The organisations an editor can tick as a post's partners: those the organisation has a
/// partnership with (not declined), in the order of their founding, then any other already
/// ticked (a post's stored partners, or the form as sent).
async fn partner_picks(
    conn: &mut diesel_async::AsyncPgConnection,
    org: &DbActor,
    form: &FormState,
) -> Result<Vec<(String, String, String)>, WebError> {
    use crate::db::models::actor::form_address;
    let mut picks: Vec<(String, String, String)> = Vec::new();
    for p in crate::db::models::partnership::DbPartnership::of_actor(conn, org.id).await? {
        let other = p.partner_of(org.id);
        let id = other.ap_id.to_string();
        if !picks.iter().any(|k| k.0 == id) {
            let address = form_address(&other.handle, &other.domain, other.local);
            picks.push((id, other.name.clone(), address));
        }
    }
    let others: Vec<String> = form
        .all("partner")
        .into_iter()
        .filter(|v| !picks.iter().any(|k| k.0 == *v))
        .map(String::from)
        .collect();
    picks.extend(named(conn, &others).await?);
    Ok(picks)
}

/// The actors of `ids` as (id, name, address), in the order of `ids`; one not known here
/// is named by its id, without an address.
async fn named(
    conn: &mut diesel_async::AsyncPgConnection,
    ids: &[String],
) -> Result<Vec<(String, String, String)>, WebError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let known = DbActor::named_by_ap_ids(conn, ids).await?;
    Ok(ids
        .iter()
        .map(|id| match known.iter().find(|n| &n.0 == id) {
            Some(n) => n.clone(),
            None => (id.clone(), id.clone(), String::new()),
        })
        .collect())
}

/// The dates typed, written as the language writes dates (as typed if they are not dates:
/// their field says what is wrong).
fn preview_dates(form: &FormState, lang: Lang) -> String {
    let date = |name: &str| {
        let v = form.val(name).trim();
        match v.parse::<chrono::NaiveDate>() {
            Ok(d) => crate::web::i18n::format_date(d, lang),
            Err(_) => v.to_string(),
        }
    };
    match (date("starts_on"), date("ends_on")) {
        (s, e) if e.is_empty() || e == s => s,
        (s, e) if s.is_empty() => e,
        (s, e) => format!("{s} – {e}"),
    }
}

/// The form page's own path (for the language switch), from where it posts to.
fn action_path(action: &str) -> String {
    if let Some(rest) = action.strip_suffix("/posts") {
        format!("{rest}/posts/new")
    } else {
        format!("{action}/edit")
    }
}

pub async fn new_form(ctx: Ctx, Path(handle): Path<String>) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let mut form = FormState::default();
    form.set("main_language", ctx.lang.code());
    form.set(once::FIELD, once::new_key());
    form_page(
        &ctx,
        &org,
        format!("/editor/{handle}/posts"),
        false,
        form,
        None,
    )
    .await
}

/// A submitted post (or event) form: its fields and the image file, if one was chosen.
///
/// A file over the media limit is not kept, but everything typed is: the form comes back
/// with the limit stated next to the file field. The route's body limit leaves room for a
/// file several times too large; past even that, the fields read before the file are kept.
pub(super) async fn read_multipart(
    ctx: &Ctx,
    mut mp: Multipart,
) -> Result<(FormState, Option<Vec<u8>>), WebError> {
    let max = ctx.state.config.media.max_bytes;
    let mut pairs = Vec::new();
    let mut file = None;
    let mut oversized = false;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                oversized = true;
                break;
            }
            Err(e) => {
                return Err(WebError::new(StatusCode::BAD_REQUEST, e.body_text()).lang(ctx.lang));
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "image_file" {
            match read_file(field, max).await {
                Upload::File(bytes) => file = Some(bytes),
                Upload::Empty => {}
                Upload::TooLarge => oversized = true,
                Upload::Cut => {
                    oversized = true;
                    break;
                }
            }
        } else {
            let text = field.text().await.map_err(|e| {
                WebError::new(StatusCode::BAD_REQUEST, e.body_text()).lang(ctx.lang)
            })?;
            pairs.push((name, text));
        }
    }
    // PostgreSQL cannot store a NUL: the field says so, and shows where it was.
    let mut form = FormState::new(Vec::new());
    for (name, value) in pairs {
        if !crate::input::storable(&value) {
            form.fail(&name, ctx.t.nul_refused);
        }
        form.push(&name, value.replace(crate::input::NUL, "\u{fffd}"));
    }
    if oversized {
        form.fail("image_file", over_limit(ctx, max));
    }
    Ok((form, file))
}

/// The error of a file over the limit, stating the limit.
fn over_limit(ctx: &Ctx, max_bytes: usize) -> String {
    ctx.t.upload_over_limit(&megabytes(max_bytes, ctx.lang))
}

/// A size in megabytes (MiB) as the language writes it: whole, or with one decimal.
fn megabytes(bytes: usize, lang: crate::vocab::Lang) -> String {
    let tenths = (bytes as f64 / 104_857.6).floor() as i64;
    if tenths % 10 == 0 {
        crate::web::i18n::format_number(tenths / 10, lang)
    } else {
        let comma = if lang == crate::vocab::Lang::En {
            "."
        } else {
            ","
        };
        format!(
            "{}{comma}{}",
            crate::web::i18n::format_number(tenths / 10, lang),
            tenths % 10
        )
    }
}

/// What came of a file field.
enum Upload {
    Empty,
    File(Vec<u8>),
    /// Over the media limit; the rest of the body was read.
    TooLarge,
    /// The body ended early or was over the route's limit: nothing after the file can be read.
    Cut,
}

/// Reads a file field chunk by chunk, keeping at most `max` bytes in memory.
async fn read_file(mut field: axum::extract::multipart::Field<'_>, max: usize) -> Upload {
    let mut bytes = Vec::new();
    let mut over = false;
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if over || bytes.len() + chunk.len() > max {
                    over = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(&chunk);
                }
            }
            Ok(None) => break,
            Err(_) => return Upload::Cut,
        }
    }
    match (over, bytes.is_empty()) {
        (true, _) => Upload::TooLarge,
        (false, true) => Upload::Empty,
        (false, false) => Upload::File(bytes),
    }
}

/// Stores an uploaded image (with the alt text typed beside it) and attaches it to the form
/// as the next `image_*_<i>`; a refused file or a missing description is a field error.
pub(super) async fn take_upload(
    ctx: &Ctx,
    org: &DbActor,
    form: &mut FormState,
    file: Option<Vec<u8>>,
) -> Result<(), WebError> {
    let alt = form.val("image_alt").trim().to_string();
    match file {
        Some(_) if alt.is_empty() => form.fail("image_alt", ctx.t.alt_required_upload),
        Some(bytes) => {
            match crate::media::store(&ctx.state, org.id, ctx.session.account.id, bytes, &alt)
                .await?
            {
                Ok(m) => {
                    let url = crate::media::url(&ctx.state, &m.file_name);
                    post_form::attach_image(form, &url, &alt, &m.media_type);
                    form.set("image_alt", "");
                }
                Err(e) => {
                    let msg = match e {
                        crate::media::MediaError::TooLarge { max_bytes } => {
                            &over_limit(ctx, max_bytes)
                        }
                        crate::media::MediaError::NotAnImage => ctx.t.not_an_image,
                        crate::media::MediaError::TooManyPixels => ctx.t.image_too_many_pixels,
                    };
                    form.fail("image_file", msg);
                }
            }
        }
        // A file over the limit already has its message.
        None if !alt.is_empty() && form.err("image_file").is_none() => {
            form.fail("image_file", ctx.t.choose_image)
        }
        None => {}
    }
    Ok(())
}

/// What both creating and updating do with a submitted form: CSRF, the upload, the checks.
/// Returns the checked post data when it is to be saved, or the form to show again.
async fn submitted(
    ctx: &Ctx,
    org: &DbActor,
    mp: Multipart,
) -> Result<
    Result<(crate::db::models::post::PostData, String), (FormState, Option<Vec<String>>)>,
    WebError,
> {
    let (mut form, file) = read_multipart(ctx, mp).await?;
    ctx.csrf(&form)?;
    take_upload(ctx, org, &mut form, file).await?;
    let mut input = post_form::read(&mut form, ctx.t);
    // Partners are looked up for the preview too, so that a wrong one is seen before publishing.
    match crate::posts::resolve_partners(&ctx.state, &input.partners).await {
        Ok(ids) => input.partners = ids,
        Err(PartnerError::TooMany) => form.fail(
            "partners",
            ctx.t.too_many_partners(crate::posts::MAX_PARTNERS as i64),
        ),
        Err(PartnerError::Unresolved(_, e @ ResolveError::Database(_))) => {
            return Err(e.into_app_error("partners").into());
        }
        Err(PartnerError::Unresolved(_, e)) => {
            form.fail("partners", super::lookup::message(ctx.t, &e));
        }
    }
    // A preview names the partners as looked up (or as typed, when one was not found).
    let preview = (form.val("action") == "preview").then(|| input.partners.clone());
    if preview.is_some() || !form.ok() {
        return Ok(Err((form, preview)));
    }
    let mut conn = ctx.state.conn().await?;
    match input.validate(&mut conn, ctx.state.urls.base()).await {
        Ok(data) => Ok(Ok((data, form.val(once::FIELD).to_string()))),
        Err(e) if e.field.is_some() || e.status == StatusCode::CONFLICT => {
            let f = form.clone();
            form.fail_app(ctx.lang, &e, |name| post_form::field_of(&f, name));
            Ok(Err((form, None)))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(
    ctx: Ctx,
    Path(handle): Path<String>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let action = format!("/editor/{handle}/posts");
    match submitted(&ctx, &org, mp).await? {
        Err((form, preview)) => form_page(&ctx, &org, action, false, form, preview).await,
        Ok((data, key)) => {
            use diesel_async::AsyncConnection;
            let location = format!("/editor/{handle}");
            let account = ctx.session.account.id;
            let mut conn = ctx.state.conn().await?;
            // Published once, however often the form is sent (see `web::once`).
            let earlier = conn
                .transaction::<_, AppError, _>(async |conn| {
                    if let Some(earlier) = once::repeated(conn, &key, account, &location).await? {
                        return Ok(Some(earlier));
                    }
                    crate::posts::publish_new(conn, &ctx.state, &org, &data).await?;
                    Ok(None)
                })
                .await?;
            let to = earlier.unwrap_or(location);
            Ok(ctx.redirect_with_notice(&to, Notice::PostPublished))
        }
    }
}

/// A local post this account may edit, and its author.
async fn editable_post(ctx: &Ctx, id: &str) -> Result<(PostFull, DbActor), WebError> {
    let (post, author) = crate::federation::routes::load_local_post(&ctx.state, id).await?;
    ctx.require_editor(&author).await?;
    Ok((post, author))
}

pub async fn edit_form(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (post, author) = editable_post(&ctx, &id).await?;
    let form = post_form::from_post(&post);
    form_page(
        &ctx,
        &author,
        format!("/editor/posts/{id}"),
        true,
        form,
        None,
    )
    .await
}

pub async fn update(ctx: Ctx, Path(id): Path<String>, mp: Multipart) -> Result<Response, WebError> {
    let (post, author) = editable_post(&ctx, &id).await?;
    let action = format!("/editor/posts/{id}");
    match submitted(&ctx, &author, mp).await? {
        Err((form, preview)) => form_page(&ctx, &author, action, true, form, preview).await,
        Ok((data, _)) => {
            let mut conn = ctx.state.conn().await?;
            crate::posts::publish_update(&mut conn, &ctx.state, &author, post.post.id, &data)
                .await?;
            Ok(
                ctx.redirect_with_notice(
                    &format!("/editor/{}", author.handle),
                    Notice::PostUpdated,
                ),
            )
        }
    }
}

#[derive(Template)]
#[template(path = "editor/post_delete.html")]
struct DeletePage {
    layout: EditorLayout,
    id: String,
    handle: String,
    question: String,
}

/// Deleting asks first: the `Delete` goes to every follower and cannot be taken back.
pub async fn delete_form(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (post, author) = editable_post(&ctx, &id).await?;
    let title = super::events::title_of(&post, ctx.lang);
    render(DeletePage {
        layout: ctx.layout(ctx.t.delete_post, &format!("/editor/posts/{id}/delete")),
        question: ctx.t.delete_confirm(&title),
        handle: author.handle.clone(),
        id,
    })
}

pub async fn delete(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    ctx.csrf(&FormState::new(pairs))?;
    let (post, author) = editable_post(&ctx, &id).await?;
    let mut conn = ctx.state.conn().await?;
    crate::posts::publish_delete(&mut conn, &ctx.state, &author, &post).await?;
    Ok(ctx.redirect_with_notice(&format!("/editor/{}", author.handle), Notice::PostDeleted))
}

pub async fn pin(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = FormState::new(pairs);
    ctx.csrf(&form)?;
    let (post, author) = editable_post(&ctx, &id).await?;
    let mut conn = ctx.state.conn().await?;
    DbPost::set_pinned(&mut conn, post.post.id, form.val("pinned") == "true").await?;
    Ok(ctx.redirect(&format!("/editor/{}", author.handle)))
}

#[derive(Template)]
#[template(path = "editor/deliveries.html")]
struct DeliveriesPage {
    layout: EditorLayout,
    handle: String,
    title: String,
    url: String,
    status: DeliveryStatus,
}

pub async fn deliveries(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let (post, author) = editable_post(&ctx, &id).await?;
    let mut conn = ctx.state.conn().await?;
    let status = delivery_status(&mut conn, &post, ctx.state.config.retention.sent_days).await?;
    let tr = post.in_language(ctx.lang.code()).or_else(|| post.main());
    render(DeliveriesPage {
        layout: ctx.layout(
            ctx.t.delivery_status,
            &format!("/editor/posts/{id}/deliveries"),
        ),
        handle: author.handle,
        title: tr.map(|t| t.title.clone()).unwrap_or_default(),
        url: post.post.ap_id.to_string(),
        status,
    })
}

/// A message of the languages' files (the funding programme field's texts).
fn text(lang: Lang, id: &str) -> &'static str {
    crate::locale::text(lang, id).unwrap_or("")
}
