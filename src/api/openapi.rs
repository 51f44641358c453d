//! The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`, generated
//! from the handlers themselves (utoipa), so that it cannot drift from what is routed.
//!
//! # Adding an endpoint
//! 1. Annotate the handler with `#[utoipa::path(...)]`: method, `path` (as routed),
//!    `tag`, `params(...)` for path parameters (`("handle" = String, Path)`) and query
//!    structs (which derive `utoipa::IntoParams` with `#[into_params(parameter_in = Query)]`),
//!    `request_body = T` for an `ApiJson<T>` body, `responses(...)` for the successes (and
//!    for errors worth naming), and `security(("bearer" = []))` when it takes [`Auth`].
//! 2. Derive `utoipa::ToSchema` on its request and response types (and on the types they
//!    hold).
//! 3. Register it in [`super::routes`] with `.routes(routes!(module::handler))` — one
//!    `routes!` per path, listing that path's handlers. A route added with `.route(...)`
//!    instead would be missing here; `tests/it/openapi.rs` fails on it.
//!
//! [`document`] then adds what every operation shares: the error envelope
//! ([`ErrorEnvelope`], the type errors are written from) as the `default` response, the
//! bearer security scheme, and the document's info.
//!
//! [`Auth`]: super::auth::Auth

use crate::error::ErrorEnvelope;
use crate::locale::Lang;
use std::borrow::Cow;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, InfoBuilder, LicenseBuilder, OpenApi, RefOr, ResponseBuilder,
};
use utoipa::{PartialSchema, ToSchema};

/// The name of the error schema in `components/schemas`.
const ERROR_SCHEMA: &str = "Error";

/// Completes the document gathered from the routes: info, the bearer scheme, the error
/// schema, and the error envelope as every operation's `default` response.
pub fn document(mut api: OpenApi) -> OpenApi {
    api.info = InfoBuilder::new()
        .title("passerelle API")
        .version(env!("CARGO_PKG_VERSION"))
        .description(Some(
            "Editors' and operators' API of a passerelle instance. Errors are always \
             {\"error\": {\"code\", \"message\", \"field\"?}}. Send an API token as \
             `Authorization: Bearer <token>` (POST /api/v1/auth/token issues one).",
        ))
        .license(Some(
            LicenseBuilder::new()
                .name("AGPL-3.0-or-later")
                .identifier(Some("AGPL-3.0-or-later"))
                .build(),
        ))
        .build();
    let components = api.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
    );
    let mut schemas = Vec::new();
    ErrorEnvelope::schemas(&mut schemas);
    components.schemas.extend(schemas);
    components
        .schemas
        .insert(ERROR_SCHEMA.into(), ErrorEnvelope::schema());
    let error = ResponseBuilder::new()
        .description("An error: the error envelope names what went wrong")
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    ERROR_SCHEMA,
                ))))
                .build(),
        )
        .build();
    for item in api.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for op in operations.into_iter().flatten() {
            op.responses
                .responses
                .entry("default".into())
                .or_insert_with(|| RefOr::T(error.clone()));
        }
    }
    api
}

/// The languages a post or event may be written in (`locales/languages.toml`), by code.
impl PartialSchema for Lang {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Lang::ALL.iter().map(|l| l.code())))
            .description(Some("A language code from `locales/languages.toml`"))
            .into()
    }
}

impl ToSchema for Lang {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Lang")
    }
}
