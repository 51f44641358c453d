//! `/api/openapi.json` is a valid OpenAPI 3.1 document whose references all resolve, and it
//! describes every route under `/api` with its methods: a handler routed without a
//! description, or a method routed but not described, fails here.

use crate::common::Ctx;
use reqwest::StatusCode;
use serde_json::Value;
use std::path::Path;

/// Every `$ref` in `v` (with where it was found).
fn refs<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::Object(map) => {
            for (k, item) in map {
                if k == "$ref"
                    && let Some(r) = item.as_str()
                {
                    out.push((at.clone(), r));
                }
                refs(item, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                refs(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn the_document_is_valid_and_every_reference_resolves() {
    let ctx = Ctx::new().await;
    let resp = ctx.get("/api/openapi.json").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let text = resp.text().await.unwrap();
    let parsed = oas3::from_json(&text).expect("an OpenAPI 3.1 document");
    assert_eq!(parsed.openapi, "3.1.0");
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut found = Vec::new();
    refs(&doc, String::new(), &mut found);
    assert!(found.len() > 50, "only {} references", found.len());
    for (at, r) in found {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{at}: {r} is not local"));
        assert!(doc.pointer(pointer).is_some(), "{at}: {r} does not resolve");
    }
    let ops = operations(&doc);
    assert!(ops.len() >= 57, "only {} operations", ops.len());
    for (method, path, op) in ops {
        let default = &op["responses"]["default"]["content"]["application/json"]["schema"];
        assert_eq!(
            default["$ref"], "#/components/schemas/Error",
            "{method} {path}: errors are not the error envelope"
        );
        let success = op["responses"]
            .as_object()
            .unwrap()
            .keys()
            .any(|s| s.starts_with('2'));
        assert!(success, "{method} {path} documents no success");
        for name in path.split('{').skip(1).filter_map(|s| s.split('}').next()) {
            let declared = op["parameters"].as_array().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p["name"] == name && p["in"] == "path" && p["required"] == true)
            });
            assert!(
                declared,
                "{method} {path}: path parameter {name} undeclared"
            );
        }
    }
    let bearer = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(bearer["scheme"], "bearer");
    // The parameters the hand-written description left out.
    let unfollow = &doc["paths"]["/api/v1/organisations/{handle}/following"]["delete"];
    assert!(
        unfollow["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "target" && p["in"] == "query" && p["required"] == true),
        "DELETE …/following lacks its `target`"
    );
    assert!(doc["paths"]["/api/v1/events"]["get"].is_object());
}

/// (method, path, operation) of every operation in the document.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if METHODS.contains(&method.as_str()) {
                out.push((method.clone(), path.clone(), op.clone()));
            }
        }
    }
    out
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Every method a documented path answers is documented: the others are 405.
#[tokio::test]
async fn no_method_is_routed_without_a_description() {
    let ctx = Ctx::new().await;
    let (_, doc) = ctx.json(ctx.get("/api/openapi.json")).await;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let concrete = path
            .split('/')
            .map(|seg| if seg.starts_with('{') { "1" } else { seg })
            .collect::<Vec<_>>()
            .join("/");
        for method in METHODS.iter().filter(|m| item.get(**m).is_none()) {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let resp = ctx
                .http
                .request(m, ctx.url(&concrete))
                .bearer_auth(&ctx.admin)
                .send()
                .await
                .unwrap();
            assert_eq!(
                resp.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} is routed but not described"
            );
        }
    }
}

/// No route under `/api` is added beside the documented ones: every API route goes through
/// `routes!` in `src/api/mod.rs` (which takes it into the document), and nothing else in
/// the source routes a path under `/api` — but the document itself.
#[test]
fn api_routes_are_registered_only_with_their_description() {
    let mut offenders = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let compact: String = text.split_whitespace().collect();
            for (i, _) in compact.match_indices(".route(\"/api") {
                let rest = &compact[i + ".route(\"".len()..];
                let route = rest.split('"').next().unwrap_or_default();
                if route != "/api/openapi.json" {
                    offenders.push(format!("{}: {route}", path.display()));
                }
            }
            for (i, _) in compact.match_indices(".nest(\"/api") {
                offenders.push(format!("{}: nest at {i}", path.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "routes under /api added without `routes!` (so not in /api/openapi.json): {offenders:?}"
    );
    let api = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api/mod.rs"))
        .unwrap();
    assert!(api.contains(".routes(routes!("));
}

/// The events' query strings are read like every other API query: an unreadable parameter
/// is named in the error envelope's `field`.
#[tokio::test]
async fn event_query_errors_are_the_error_envelope() {
    let ctx = Ctx::new().await;
    for path in ["/api/v1/events?limit=many", "/api/v1/events?online=perhaps"] {
        let (status, body) = ctx.json(ctx.get(path)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert!(body["error"]["field"].is_string(), "{path}: {body}");
    }
}
