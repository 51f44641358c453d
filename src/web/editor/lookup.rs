//! Finding an actor from what an editor or operator typed (`@name@host`, a handle, a URL),
//! with a failure told in the visitor's language: which step failed (WebFinger or fetching
//! the profile) and what the other server answered.

use crate::db::models::actor::DbActor;
use crate::federation::resolve::{self, ResolveError};
use crate::state::AppState;
use crate::web::backoffice::WebError;
use crate::web::form::FormState;
use crate::web::i18n::Strings;

/// The actor `target` names; on a failure the form's `field` gets the reason and `None` is
/// returned. Only our database being unreachable is an error page.
pub async fn actor(
    state: &AppState,
    t: &Strings,
    target: &str,
    form: &mut FormState,
    field: &str,
) -> Result<Option<DbActor>, WebError> {
    match resolve::target(state, target).await {
        Ok(actor) => Ok(Some(actor)),
        Err(e @ ResolveError::Database(_)) => Err(e.into_app_error(field).into()),
        Err(e) => {
            tracing::info!(target, error = %e, "lookup failed");
            form.fail(field, message(t, &e));
            Ok(None)
        }
    }
}

/// A lookup failure in words.
pub fn message(t: &Strings, e: &ResolveError) -> String {
    e.words().format(t.lang()).unwrap_or_else(|| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::federation::fetch::FetchError;
    use crate::vocab::Lang;
    use crate::web::i18n::strings;

    #[test]
    fn each_step_is_named_with_the_status_in_every_language() {
        let webfinger = ResolveError::WebFinger {
            acct: "anna@gts.example".into(),
            cause: FetchError::Status {
                url: "https://gts.example/.well-known/webfinger?resource=acct:anna@gts.example"
                    .into(),
                status: 404,
            },
        };
        let actor = ResolveError::Actor {
            url: "https://gts.example/users/anna".into(),
            cause: FetchError::Status {
                url: "https://gts.example/users/anna".into(),
                status: 401,
            },
        };
        for t in Lang::ALL.map(strings) {
            let w = message(t, &webfinger);
            assert!(w.contains("WebFinger") && w.contains("404"), "{w}");
            assert!(w.contains("anna@gts.example"), "{w}");
            let a = message(t, &actor);
            assert!(
                a.contains("401") && a.contains("https://gts.example/users/anna"),
                "{a}"
            );
            assert!(!a.contains("WebFinger"), "{a}");
        }
        assert!(message(strings(Lang::Fr), &actor).contains("récupéré\u{202f}: le serveur"));
    }
}
