//! The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`. Written by
//! hand next to the router; a test checks that every operation described here is routed.

use crate::vocab::{Lang, PartnershipKind, PartnershipStatus};
use axum::Json;
use serde_json::{Value, json};

fn op(summary: &str, auth: bool, body: Option<&str>, ok: (&str, Option<&str>)) -> Value {
    let mut o = json!({
        "summary": summary,
        "responses": {
            ok.0: match ok.1 {
                Some(schema) => json!({"description": "success", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}}),
                None => json!({"description": "success"}),
            },
            "default": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
    });
    if auth {
        o["security"] = json!([{"bearer": []}]);
    }
    if let Some(b) = body {
        o["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{b}")}}}});
    }
    o
}

fn params(names: &[&str]) -> Value {
    Value::Array(
        names.iter().map(|n| json!({"name": n, "in": "path", "required": true, "schema": {"type": "string"}})).collect(),
    )
}

pub fn spec() -> Value {
    let s = |t: &str| json!({"type": t});
    let arr = |items: Value| json!({"type": "array", "items": items});
    let nullable = |t: &str| json!({"type": [t, "null"]});
    let schema_ref = |n: &str| json!({"$ref": format!("#/components/schemas/{n}")});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "passerelle API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Editors' and operators' API of a passerelle instance. Errors are always {\"error\": {\"code\", \"message\", \"field\"?}}.",
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"}
        },
        "paths": {
            "/api/v1/auth/token": {"post": op("Log in: exchange username and password for an API token (shown once). Failures are limited like the login form's (5 per username and address, 20 per address, in 15 minutes): past that, 429 with Retry-After", false, Some("Login"), ("201", Some("NewToken")))},
            "/api/v1/me": {"get": op("The calling account and its roles", true, None, ("200", Some("Account")))},
            "/api/v1/me/tokens": {
                "get": op("Your API tokens (without secrets)", true, None, ("200", None)),
                "post": op("Issue another token for yourself", true, Some("TokenName"), ("201", Some("NewToken")))
            },
            "/api/v1/tokens/{id}": {"parameters": params(&["id"]), "delete": op("Revoke a token (yours; admins: any)", true, None, ("204", None))},
            "/api/v1/accounts": {
                "get": op("List accounts (admin)", true, None, ("200", None)),
                "post": op("Create an account, optionally editor of organisations (admin)", true, Some("NewAccount"), ("201", Some("Account")))
            },
            "/api/v1/accounts/{username}/roles": {"parameters": params(&["username"]), "post": op("Grant a role: admin, moderator or editor:<handle> (admin)", true, Some("Role"), ("200", Some("Account")))},
            "/api/v1/accounts/{username}/roles/{role}": {"parameters": params(&["username", "role"]), "delete": op("Revoke a role (admin)", true, None, ("200", Some("Account")))},
            "/api/v1/organisations": {
                "get": op("List this instance's organisations", false, None, ("200", None)),
                "post": op("Create an organisation actor (admin)", true, Some("NewOrganisation"), ("201", Some("Organisation")))
            },
            "/api/v1/organisations/{handle}": {
                "parameters": params(&["handle"]),
                "get": op("An organisation's profile", false, None, ("200", Some("Organisation"))),
                "patch": op("Edit an organisation's profile (its editors)", true, Some("ProfileUpdate"), ("200", Some("Organisation")))
            },
            "/api/v1/organisations/{handle}/posts": {
                "parameters": params(&["handle"]),
                "get": op("An organisation's posts, newest first (query: before, limit)", false, None, ("200", Some("PostPage"))),
                "post": op("Publish a project post (its editors)", true, Some("PostInput"), ("201", Some("Post")))
            },
            "/api/v1/organisations/{handle}/media": {
                "parameters": params(&["handle"]),
                "post": {
                    "summary": "Upload an image for posts (its editors): the body is the image (image/jpeg, png, webp or gif; at most 40 megapixels), query `alt`; answers the URL to give in a post's images",
                    "security": [{"bearer": []}],
                    "requestBody": {"required": true, "content": {"image/*": {"schema": {"type": "string", "format": "binary"}}}},
                    "responses": {
                        "201": {"description": "stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Media"}}}},
                        "default": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                    }
                }
            },
            "/api/v1/posts/{id}": {
                "parameters": params(&["id"]),
                "get": op("A post", false, None, ("200", Some("Post"))),
                "put": op("Replace a post's content (its organisation's editors)", true, Some("PostInput"), ("200", Some("Post"))),
                "delete": op("Delete a post; its URL then answers 410 Gone", true, None, ("204", None))
            },
            "/api/v1/posts/{id}/deliveries": {
                "parameters": params(&["id"]),
                "get": op("Where a post's activities went: delivered to N of M inboxes, failing instances named (its editors)", true, None, ("200", None))
            },
            "/api/v1/organisations/{handle}/following": {
                "parameters": params(&["handle"]),
                "get": op("Whom the organisation follows (accepted or pending)", false, None, ("200", None)),
                "post": op("Follow an actor by @name@host, local handle or URL (its editors)", true, Some("Target"), ("202", None)),
                "delete": op("Unfollow (query: target)", true, None, ("204", None))
            },
            "/api/v1/organisations/{handle}/followers": {
                "parameters": params(&["handle"]),
                "get": op("The organisation's accepted followers", false, None, ("200", None))
            },
            "/api/v1/organisations/{handle}/follow-requests": {
                "parameters": params(&["handle"]),
                "get": op("Follow requests waiting for approval (its editors)", true, None, ("200", None))
            },
            "/api/v1/organisations/{handle}/follow-requests/{id}/{verb}": {
                "parameters": params(&["handle", "id", "verb"]),
                "post": op("Answer a follow request: verb is accept or reject (its editors)", true, None, ("204", None))
            },
            "/api/v1/organisations/{handle}/boosts": {
                "parameters": params(&["handle"]),
                "post": op("Boost (Announce) a post by its URL (its editors)", true, Some("Boost"), ("202", None))
            },
            "/api/v1/admin/federation": {"get": op("Delivery queue and failing or unreachable instances (admins, moderators)", true, None, ("200", None))},
            "/api/v1/admin/domain-blocks": {
                "get": op("Blocked instances (admins, moderators)", true, None, ("200", None)),
                "post": op("Block an instance (admins, moderators)", true, Some("DomainBlock"), ("204", None))
            },
            "/api/v1/admin/domain-blocks/{domain}": {
                "parameters": params(&["domain"]),
                "delete": op("Lift a block (admins, moderators)", true, None, ("204", None))
            },
            "/api/v1/organisations/{handle}/partnerships": {
                "parameters": params(&["handle"]),
                "get": op("The organisation's partnerships (confirmed and unconfirmed, with status)", false, None, ("200", None)),
                "post": op("Propose a partnership: partner (@name@host, handle or URL), kind, founded_year, languages, themes, description (its editors)", true, Some("Proposal"), ("201", None))
            },
            "/api/v1/partnerships": {"get": op("The registry (query: organisation, countries=DE,FR, regions=Bayern,IT, kind, status, from_year, to_year, theme, confirmed, limit, offset)", false, None, ("200", None))},
            "/api/v1/partnerships/records": {"get": op("This instance's partnership records, for peers' federation statistics", false, None, ("200", None))},
            "/api/v1/partnerships/stats": {"get": op("Statistics per region, country pair, kind, decade, share confirmed (query: scope=local|federation, format=json|csv)", false, None, ("200", None))},
            "/api/v1/partnerships/{id}": {
                "parameters": params(&["id"]),
                "get": op("A partnership", false, None, ("200", None)),
                "patch": op("Mark dormant, active again or ended (ended_on), change description (editors of either side)", true, Some("PartnershipChange"), ("200", None))
            },
            "/api/v1/partnerships/{id}/{verb}": {
                "parameters": params(&["id", "verb"]),
                "post": op("Accept or reject a proposal: verb is accept or reject (editors of the addressed side)", true, None, ("200", None))
            },
            "/api/v1/open-data/{file}": {
                "parameters": params(&["file"]),
                "get": op("Open data: organisations.csv, organisations.json, partnerships.csv, partnerships.json, partnerships.geojson", false, None, ("200", None))
            },
            "/api/v1/search": {"get": {
                "summary": "Search organisations, partnerships and posts on this network and every peer (merged by relevance, duplicates removed by ActivityPub id, facets summed). Words are stemmed per language with accents folded; German compounds are found by their parts; \"a phrase\", prefix*, -excluded. Unsigned callers may search; resolve=true (with a token) also looks up a handle or URL.",
                "parameters": [
                    {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 300}},
                    {"name": "kind", "in": "query", "schema": {"enum": ["organisation", "partnership", "post"]}},
                    {"name": "theme", "in": "query", "schema": {"type": "string"}},
                    {"name": "sdg", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 17}},
                    {"name": "country", "in": "query", "schema": {"type": "string"}},
                    {"name": "region", "in": "query", "schema": {"type": "string"}},
                    {"name": "org_kind", "in": "query", "schema": {"type": "string"}},
                    {"name": "lang", "in": "query", "schema": {"type": "string"}},
                    {"name": "network", "in": "query", "schema": {"type": "string"}},
                    {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "sort", "in": "query", "schema": {"enum": ["relevance", "newest"]}},
                    {"name": "scope", "in": "query", "schema": {"enum": ["all", "local"]}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                    {"name": "resolve", "in": "query", "schema": {"type": "boolean"}}
                ],
                "responses": {
                    "200": {"description": "hits, facets (kind, theme, sdg, country, region, org_kind, language, year, network) and how each network answered (local, answered, timeout, failed)", "content": {"application/json": {"schema": schema_ref("SearchAnswer")}}},
                    "400": {"description": "an empty, over-long or malformed query", "content": {"application/json": {"schema": schema_ref("Error")}}}
                }
            }},
            "/api/v1/admin/relays": {
                "get": op("Peer networks and relays this instance subscribes to, each with its state: pending, accepted, rejected (admin)", true, None, ("200", None)),
                "post": op("Subscribe to a peer network (its instance actor is followed and announces its public posts here) or to a relay (target: its actor URL or host, LitePub style, or its inbox URL, Mastodon style; optional style: litepub or mastodon) (admin)", true, Some("Target"), ("202", None))
            },
            "/api/v1/admin/relays/{network}": {
                "parameters": params(&["network"]),
                "delete": op("End the subscriptions to a network or relay, by host: Undo{Follow} (admin)", true, None, ("204", None))
            },
            "/api/v1/admin/partnerships/import": {"post": op("Import a partnership list (CSV body: name_a, country_a, code_a, region_a, name_b, country_b, code_b, region_b, kind, founded_year); all or nothing unless ?skip_invalid=true (admin)", true, None, ("200", None))},
            "/api/v1/posts/{id}/pin": {
                "parameters": params(&["id"]),
                "post": op("Pin a post to the organisation's profile (featured)", true, None, ("200", Some("Post"))),
                "delete": op("Unpin a post", true, None, ("200", Some("Post")))
            }
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": s("string"), "message": s("string"), "field": s("string")}}}},
                "Login": {"type": "object", "required": ["username", "password"], "properties": {"username": s("string"), "password": s("string"), "name": s("string")}},
                "TokenName": {"type": "object", "required": ["name"], "properties": {"name": s("string")}},
                "NewToken": {"type": "object", "properties": {"id": s("integer"), "name": s("string"), "token": s("string")}},
                "Account": {"type": "object", "properties": {"username": s("string"), "admin": s("boolean"), "moderator": s("boolean"), "editor_of": arr(s("string")), "created_at": s("string")}},
                "NewAccount": {"type": "object", "required": ["username", "password"], "properties": {"username": s("string"), "password": {"type": "string", "minLength": 10}, "admin": s("boolean"), "moderator": s("boolean"), "editor_of": arr(s("string"))}},
                "Role": {"type": "object", "required": ["role"], "properties": {"role": {"type": "string", "examples": ["admin", "moderator", "editor:stadt-dortmund"]}}},
                "Profile": {"type": "object", "properties": {
                    "summary": {"type": "object", "additionalProperties": s("string"), "description": "plain text per language code"},
                    "country": {"type": "string", "pattern": "^[A-Z]{2}$"}, "region": s("string"),
                    "official_code": {"type": "string", "description": "AGS (DE, 8 digits), INSEE code (FR, 5 characters) or LAU code"},
                    "population": s("integer"), "website": s("string"), "languages": arr(s("string")),
                    "themes": arr(s("string")), "latitude": s("number"), "longitude": s("number"),
                    "icon_url": s("string"), "image_url": s("string"), "manually_approves_followers": s("boolean"),
                    "discoverable": s("boolean"), "indexable": s("boolean")}},
                "NewOrganisation": {"allOf": [schema_ref("Profile"), {"type": "object", "required": ["handle", "name", "kind"], "properties": {
                    "handle": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"}, "name": s("string"),
                    "kind": {"enum": ["municipality", "district", "region", "association", "network", "school", "other"]}}}]},
                "ProfileUpdate": {"allOf": [schema_ref("Profile"), {"type": "object", "properties": {"name": s("string"), "kind": s("string")}}]},
                "Organisation": {"allOf": [schema_ref("Profile"), {"type": "object", "properties": {"handle": s("string"), "id": s("string"), "name": s("string"), "kind": nullable("string"), "published": s("string")}}]},
                "Translation": {"type": "object", "required": ["language", "title", "summary"], "properties": {
                    "language": {"enum": Lang::ALL}, "title": {"type": "string", "maxLength": 200},
                    "summary": {"type": "string", "maxLength": 500, "description": "plain text; what Mastodon shows"},
                    "body": {"type": "string", "description": "Markdown"}, "content_html": {"type": "string", "readOnly": true}}},
                "Image": {"type": "object", "required": ["url", "alt"], "properties": {"url": {"type": "string", "description": "an image uploaded here (POST /api/v1/organisations/{handle}/media)"}, "alt": s("string"), "media_type": s("string")}},
                "Media": {"type": "object", "required": ["url", "media_type", "width", "height"], "properties": {"url": s("string"), "media_type": s("string"), "width": s("integer"), "height": s("integer")}},
                "PostInput": {"type": "object", "required": ["translations"], "properties": {
                    "main_language": {"enum": Lang::ALL}, "translations": arr(schema_ref("Translation")),
                    "themes": arr(s("string")), "sdgs": arr(json!({"type": "integer", "minimum": 1, "maximum": 17})),
                    "partners": {"type": "array", "maxItems": 50, "items": s("string"), "description": "local handles, @name@host (found through WebFinger) or actor URLs; each is looked up, an unknown one is a 422 naming partners[i]"},
                    "place": s("string"), "starts_on": {"type": "string", "format": "date"}, "ends_on": {"type": "string", "format": "date"},
                    "images": arr(schema_ref("Image")),
                    "in_reply_to": {"type": "string", "description": "URL of the post answered; replies are sent as Notes"}}},
                "Post": {"type": "object", "properties": {
                    "id": s("string"), "ap_id": s("string"), "organisation": s("string"), "main_language": s("string"),
                    "translations": arr(schema_ref("Translation")), "themes": arr(s("string")), "sdgs": arr(s("integer")),
                    "hashtags": arr(s("string")), "partners": arr(s("string")), "place": nullable("string"),
                    "starts_on": nullable("string"), "ends_on": nullable("string"), "images": arr(schema_ref("Image")),
                    "published": s("string"), "updated": nullable("string"), "pinned": s("boolean")}},
                "Proposal": {"type": "object", "required": ["partner", "kind"], "properties": {"partner": s("string"), "kind": {"enum": PartnershipKind::ALL}, "founded_year": s("integer"), "languages": arr(s("string")), "themes": arr(s("string")), "description": {"type": "object", "additionalProperties": s("string")}}},
                "PartnershipChange": {"type": "object", "properties": {"status": {"enum": PartnershipStatus::CHANGEABLE_TO}, "ended_on": {"type": "string", "format": "date"}, "description": {"type": "object", "additionalProperties": s("string")}, "languages": arr(s("string")), "themes": arr(s("string"))}},
                "Target": {"type": "object", "required": ["target"], "properties": {"target": {"type": "string", "examples": ["@ville-amiens@afccre.example", "https://afccre.example/o/ville-amiens"]}}},
                "Boost": {"type": "object", "required": ["object"], "properties": {"object": s("string")}},
                "DomainBlock": {"type": "object", "required": ["domain"], "properties": {"domain": s("string"), "reason": s("string")}},
                "SearchHit": {"type": "object", "properties": {
                    "kind": {"enum": ["organisation", "partnership", "post"]}, "ap_id": s("string"), "url": s("string"),
                    "title": s("string"), "snippet": {"type": "string", "description": "HTML: escaped text, matches in <mark>"},
                    "network": s("string"), "author_name": nullable("string"), "author_ap_id": nullable("string"),
                    "languages": arr(s("string")), "themes": arr(s("string")), "countries": arr(s("string")),
                    "published": s("string"), "score": s("number")}},
                "SearchAnswer": {"type": "object", "properties": {
                    "query": s("string"), "sort": s("string"), "total": s("integer"), "offset": s("integer"),
                    "hits": arr(schema_ref("SearchHit")),
                    "facets": {"type": "object", "additionalProperties": arr(json!({"type": "object", "properties": {"value": s("string"), "count": s("integer")}}))},
                    "networks": arr(json!({"type": "object", "properties": {"network": s("string"), "status": {"enum": ["local", "answered", "timeout", "failed"]}, "total": s("integer"), "hits": s("integer"), "milliseconds": s("integer"), "error": s("string")}})),
                    "resolved": {"type": ["object", "null"]}}},
                "PostPage": {"type": "object", "properties": {"items": arr(schema_ref("Post")), "next": nullable("string")}}
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
