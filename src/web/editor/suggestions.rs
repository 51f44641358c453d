//! Suggested partners for an organisation, in the editors' interface: from this network and
//! every peer (each network's outcome shown), best first, each with its reasons, a
//! "propose a partnership" form that posts to the existing handshake
//! (`/editor/{handle}/partnerships`, `partnerships::propose`) and a "follow" form that
//! posts to `/editor/{handle}/follows`.

use super::looking::Texts;
use crate::partners::{self, Scope, Suggestion};
use crate::vocab::PartnershipKind;
use crate::web::backoffice::{Ctx, EditorLayout, WebError, render};
use crate::web::pages::partners::{Texts as PageTexts, about, network_lines};
use askama::Template;
use axum::extract::Path;
use axum::response::Response;

/// A suggestion in words.
pub struct Card {
    pub name: String,
    pub url: String,
    /// What the proposal and the follow name: the organisation's id.
    pub target: String,
    pub handle: String,
    pub network: String,
    pub local: bool,
    pub about: String,
    pub reasons: Vec<String>,
    /// The score as a percentage.
    pub percent: i64,
}

fn card(s: &Suggestion, here: &str, tx: &PageTexts) -> Card {
    Card {
        name: s.name.clone(),
        url: s.url.clone(),
        target: s.ap_id.clone(),
        handle: s.handle.clone(),
        network: s.network.clone(),
        local: s.network == here,
        about: about(
            s.kind.as_deref(),
            s.country.as_deref(),
            s.region.as_deref(),
            s.population,
            tx,
        ),
        reasons: s.reasons.iter().map(|r| r.sentence(tx.lang)).collect(),
        percent: (s.score * 100.0).round() as i64,
    }
}

#[derive(Template)]
#[template(path = "editor/looking_suggestions.html")]
struct Page {
    layout: EditorLayout,
    f: Texts,
    handle: String,
    name: String,
    looking: bool,
    cards: Vec<Card>,
    networks: Vec<(String, String, bool)>,
    kinds: Vec<(&'static str, &'static str)>,
    notice: Option<String>,
    tab: &'static str,
}

/// GET /editor/{handle}/suggestions.
pub async fn page(ctx: Ctx, Path(handle): Path<String>) -> Result<Response, WebError> {
    let org = ctx.editable_org(&handle).await?;
    let lang = ctx.lang;
    let answer = partners::suggest(&ctx.state, &org, Scope::All, 20, lang).await?;
    let tx = PageTexts { lang };
    let here = ctx.state.config.instance.domain.clone();
    render(Page {
        layout: ctx.layout(
            partners::explain::text(lang, "partners-suggestions-title"),
            &format!("/editor/{handle}/suggestions"),
        ),
        f: Texts { lang },
        cards: answer
            .suggestions
            .iter()
            .map(|s| card(s, &here, &tx))
            .collect(),
        networks: network_lines(&answer.networks, &tx),
        looking: answer.looking,
        kinds: PartnershipKind::ALL
            .iter()
            .map(|k| (k.code(), k.label(lang)))
            .collect(),
        handle: org.handle,
        name: org.name,
        notice: answer.note,
        tab: "looking",
    })
}
