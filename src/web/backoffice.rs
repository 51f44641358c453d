//! The back office's kit, shared by the editors' (`web/editor`) and operators' (`web/admin`)
//! pages and the login: the router that mounts them and draws their errors as pages, the
//! request context (`Ctx`: session, language, strings), the layout, `WebError`, and the
//! notices shown after a change (a fixed list).

use super::i18n::{Strings, strings};
use super::session::{Session, urlencode};
use super::web_error::ErrorPageInfo;
pub use super::web_error::WebError;
use super::{LangQuery, negotiate_lang};
use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::state::AppState;
use crate::vocab::Lang;
use askama::Template;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/editor.css"),
    )
}

#[derive(Template)]
#[template(path = "editor/error.html")]
struct ErrorPage {
    layout: EditorLayout,
    heading: &'static str,
    message: String,
    /// The domain's own words (English), shown apart.
    technical: Option<String>,
}

/// Draws the page of a [`WebError`] in the visitor's language.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let lang = negotiate_lang(
        &state,
        req.headers(),
        &LangQuery::from_query(req.uri().query()),
    );
    let resp = next.run(req).await;
    let Some(info) = resp.extensions().get::<ErrorPageInfo>().cloned() else {
        return resp;
    };
    let lang = info.lang.unwrap_or(lang);
    let t = strings(lang);
    let status = resp.status();
    let heading = t.error_heading(status);
    let said = info.localized.as_ref().and_then(|l| l.format(lang));
    let (message, technical) = if let Some(said) = said {
        (said, None)
    } else if info.technical && !info.message.is_empty() {
        (t.error_detail(status).to_string(), Some(info.message))
    } else if info.message.is_empty() {
        (t.error_detail(status).to_string(), None)
    } else {
        (info.message, None)
    };
    let page = ErrorPage {
        layout: EditorLayout::anonymous(&state, lang, heading, "/editor"),
        heading,
        message,
        technical,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => status.into_response(),
    }
}

pub fn render(t: impl Template) -> Result<Response, WebError> {
    let html = t.render()?;
    Ok((
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::VARY, "Cookie, Accept-Language"),
        ],
        Html(html),
    )
        .into_response())
}

/// What every page of the interface shows around its content.
pub struct EditorLayout {
    pub lang: Lang,
    pub t: &'static Strings,
    pub instance_name: String,
    pub title: String,
    pub switch: Vec<(Lang, String, bool)>,
    /// The logged-in account's name, if any.
    pub account: Option<String>,
    pub operator: bool,
    pub csrf: String,
}

impl EditorLayout {
    /// The menu's link to the account's own fediverse person (`/editor/_me`).
    pub fn me_label(&self) -> &'static str {
        crate::locale::text(self.lang, "person-settings-title").unwrap_or("")
    }

    pub fn anonymous(state: &AppState, lang: Lang, title: &str, path: &str) -> Self {
        let name = state
            .config
            .instance
            .name
            .get(&lang)
            .or_else(|| state.config.instance.name.values().next());
        EditorLayout {
            lang,
            t: strings(lang),
            instance_name: name.cloned().unwrap_or_default(),
            title: title.to_string(),
            switch: state
                .config
                .instance
                .languages
                .iter()
                .map(|l| (*l, format!("{path}?lang={}", l.code()), *l == lang))
                .collect(),
            account: None,
            operator: false,
            csrf: String::new(),
        }
    }
}

/// A logged-in request: the session, the state and the page language.
pub struct Ctx {
    pub state: AppState,
    pub session: Session,
    pub lang: Lang,
    pub t: &'static Strings,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let session = Session::from_request_parts(parts, state).await?;
        let lang = negotiate_lang(
            state,
            &parts.headers,
            &LangQuery::from_query(parts.uri.query()),
        );
        Ok(Ctx {
            state: state.clone(),
            session,
            lang,
            t: strings(lang),
        })
    }
}

impl Ctx {
    pub fn layout(&self, title: &str, path: &str) -> EditorLayout {
        EditorLayout {
            account: Some(self.session.account.username.clone()),
            operator: self.session.is_operator(),
            csrf: self.session.csrf.clone(),
            ..EditorLayout::anonymous(&self.state, self.lang, title, path)
        }
    }

    /// After a change: back to a page (303), in the same language.
    pub fn redirect(&self, path: &str) -> Response {
        let sep = if path.contains('?') { '&' } else { '?' };
        Redirect::to(&format!("{path}{sep}lang={}", self.lang.code())).into_response()
    }

    /// After a change: back to a page that says what happened (one of the known notices).
    pub fn redirect_with_notice(&self, path: &str, notice: Notice) -> Response {
        let sep = if path.contains('?') { '&' } else { '?' };
        self.redirect(&format!("{path}{sep}notice={}", notice.key()))
    }

    /// The same, naming what the change was about (a handle: `@anna@gts.example`).
    pub fn redirect_with_notice_about(
        &self,
        path: &str,
        notice: Notice,
        subject: &str,
    ) -> Response {
        let sep = if path.contains('?') { '&' } else { '?' };
        self.redirect(&format!(
            "{path}{sep}notice={}&subject={}",
            notice.key(),
            urlencode(subject)
        ))
    }

    pub fn forbidden(&self) -> WebError {
        WebError::new(StatusCode::FORBIDDEN, self.t.not_your_organisation).lang(self.lang)
    }

    /// A local organisation this account may edit for (admins: all).
    pub async fn editable_org(&self, handle: &str) -> Result<DbActor, WebError> {
        let mut conn = self.state.conn().await?;
        let org = DbActor::local_by_handle(&mut conn, handle)
            .await?
            .filter(DbActor::is_organisation)
            .ok_or_else(|| {
                WebError::new(
                    StatusCode::NOT_FOUND,
                    format!("{} `{handle}`", self.t.no_such_organisation),
                )
                .lang(self.lang)
            })?;
        self.require_editor(&org).await?;
        Ok(org)
    }

    pub async fn require_editor(&self, org: &DbActor) -> Result<(), WebError> {
        let mut conn = self.state.conn().await?;
        if self.session.account.is_admin
            || Account::is_editor_of(&mut conn, self.session.account.id, org.id).await?
        {
            Ok(())
        } else {
            Err(self.forbidden())
        }
    }

    /// Checks the form's CSRF token.
    pub fn csrf(&self, form: &super::form::FormState) -> Result<(), WebError> {
        self.session.check_csrf(form, self.lang)
    }
}

macro_rules! notices {
    ($($variant:ident => $key:ident,)*) => {
        /// What a page says after a change. `?notice=` names one of these by its key (the
        /// name of its string), and anything else is ignored: a link cannot make the
        /// interface say what it likes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Notice { $($variant,)* }

        impl Notice {
            pub const ALL: &[Notice] = &[$(Notice::$variant,)*];

            pub fn key(self) -> &'static str {
                match self { $(Notice::$variant => stringify!($key),)* }
            }

            pub fn text(self, t: &Strings) -> &'static str {
                match self { $(Notice::$variant => t.$key,)* }
            }
        }
    };
}

notices! {
    PostPublished => post_published,
    PostUpdated => post_updated,
    PostDeleted => post_deleted,
    FollowSent => follow_sent,
    Unfollowed => unfollowed,
    RequestAccepted => request_accepted,
    RequestRejected => request_rejected,
    PartnershipProposed => partnership_proposed,
    PartnershipAccepted => partnership_accepted,
    PartnershipDeclined => partnership_declined,
    PartnershipChanged => partnership_changed,
    AccountCreated => account_created,
    RolesChanged => roles_changed,
    TokenRevoked => token_revoked,
    SessionsEnded => sessions_ended,
    OrganisationCreated => organisation_created,
    ReportResolved => report_resolved,
    ContentRemoved => content_removed,
    BlockAdded => block_added,
    BlockRemoved => block_removed,
    Suspended => suspended,
    Unsuspended => unsuspended,
    EventCreated => ed_event_created,
    EventUpdated => ed_event_updated,
    EventCancelled => ed_event_cancelled,
    ParticipationAccepted => ed_participation_accepted,
    ParticipationRejected => ed_participation_rejected,
    EventFull => ed_err_full,
    JoinSent => ed_join_sent,
    EventLeft => ed_left,
}

impl Notice {
    pub fn from_key(key: &str) -> Option<Notice> {
        Notice::ALL.iter().copied().find(|n| n.key() == key)
    }
}

/// The notice a page was asked to show (`?notice=<key>`, with `&subject=<handle>` for the
/// notices that name one).
#[derive(serde::Deserialize, Default)]
pub struct NoticeQuery {
    pub notice: Option<String>,
    pub subject: Option<String>,
}

/// A handle as the notices name them (`@name`, `@name@host`, `@name@host:port`), nothing
/// else: no spaces, no words of a message.
fn handle_like(s: &str) -> bool {
    let rest = s.strip_prefix('@').unwrap_or(s);
    let (name, host) = rest.split_once('@').unwrap_or((rest, ""));
    let name_ok = (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    let host_ok = host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    name_ok && host_ok
}

impl NoticeQuery {
    /// The notice's text in the page's language; an unknown key shows nothing, a subject
    /// that is not a handle is left out.
    pub fn text(&self, t: &Strings) -> Option<String> {
        let notice = Notice::from_key(self.notice.as_deref()?)?;
        let text = notice.text(t);
        match self.subject.as_deref().filter(|s| handle_like(s)) {
            Some(subject) => Some(format!("{text} {subject}")),
            None => Some(text.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Lang;
    use crate::web::i18n::strings;

    fn query(notice: &str, subject: Option<&str>) -> NoticeQuery {
        NoticeQuery {
            notice: Some(notice.into()),
            subject: subject.map(String::from),
        }
    }

    #[test]
    fn only_known_notices_are_shown() {
        assert_eq!(
            query("post_published", None)
                .text(strings(Lang::En))
                .as_deref(),
            Some(strings(Lang::En).post_published)
        );
        assert_eq!(
            query("post_published", None)
                .text(strings(Lang::De))
                .as_deref(),
            Some(strings(Lang::De).post_published)
        );
        assert_eq!(
            query("Your account is locked, call +1 555 0100", None).text(strings(Lang::En)),
            None
        );
        assert_eq!(query("nul_refused", None).text(strings(Lang::En)), None);
        assert_eq!(
            query("follow_sent", Some("@anna@gts.example")).text(strings(Lang::En)),
            Some(format!(
                "{} @anna@gts.example",
                strings(Lang::En).follow_sent
            ))
        );
        assert_eq!(
            query("follow_sent", Some("@anna call +1 555 0100")).text(strings(Lang::En)),
            Some(strings(Lang::En).follow_sent.to_string())
        );
        for n in Notice::ALL {
            assert_eq!(Notice::from_key(n.key()), Some(*n));
        }
    }
}
