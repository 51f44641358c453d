//! Shared set-up: a running instance with an admin, organisations and editors.

use passerelle::auth;
use passerelle::db::models::account::Account;
use passerelle::db::models::actor::DbActor;
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::testing::TestInstance;
use passerelle::vocab::OrgKind;
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::Value;

pub const AP: &str = "application/activity+json";

pub struct Ctx {
    pub inst: TestInstance,
    pub http: Client,
    pub admin: String,
}

impl Ctx {
    pub async fn new() -> Ctx {
        Self::with(TestInstance::start().await.expect("test instance starts")).await
    }

    /// A context around an instance started with a configuration of its own.
    pub async fn with(inst: TestInstance) -> Ctx {
        let mut conn = inst.state().pool.get().await.unwrap();
        let admin = auth::create_account(&mut conn, "admin", "admin-password-1", true, false)
            .await
            .unwrap();
        let (_, token) = auth::issue_token(&mut conn, &admin, "test").await.unwrap();
        Ctx {
            inst,
            http: Client::new(),
            admin: token,
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.inst.url(path)
    }

    pub async fn org(&self, handle: &str) -> DbActor {
        self.org_with(
            handle,
            OrgKind::Municipality,
            Profile {
                discoverable: true,
                indexable: true,
                ..Profile::default()
            },
        )
        .await
    }

    pub async fn org_with(&self, handle: &str, kind: OrgKind, profile: Profile) -> DbActor {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let input = NewOrganisation {
            handle: handle.into(),
            name: format!("Stadt {handle}"),
            kind,
            profile,
        };
        orgs::create(&mut conn, &self.inst.state().urls, &input)
            .await
            .expect("organisation created")
    }

    /// A new account editing for `handles`, and its token.
    pub async fn editor(&self, username: &str, handles: &[&str]) -> String {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let account: Account =
            auth::create_account(&mut conn, username, "editor-password-1", false, false)
                .await
                .unwrap();
        for h in handles {
            auth::set_role(
                &mut conn,
                &account,
                &auth::parse_role(&format!("editor:{h}")).unwrap(),
                true,
            )
            .await
            .unwrap();
        }
        auth::issue_token(&mut conn, &account, "test")
            .await
            .unwrap()
            .1
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.http.get(self.url(path))
    }

    /// The text of the page at `path`.
    pub async fn page(&self, path: &str) -> String {
        self.get(path).send().await.unwrap().text().await.unwrap()
    }

    pub fn ap_get(&self, path_or_url: &str) -> RequestBuilder {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_string()
        } else {
            self.url(path_or_url)
        };
        self.http.get(url).header("Accept", AP)
    }

    pub async fn json(&self, req: RequestBuilder) -> (StatusCode, Value) {
        let resp = req.send().await.expect("request sent");
        let status = resp.status();
        let body = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    /// A small PNG uploaded for `handle`'s posts with `token`; returns the URL a post gives.
    pub async fn image(&self, handle: &str, token: &str) -> String {
        let img = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 40]));
        let mut png = std::io::Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(img)
            .write_to(&mut png, image::ImageFormat::Png)
            .unwrap();
        let (status, body) = self
            .json(
                self.http
                    .post(self.url(&format!("/api/v1/organisations/{handle}/media")))
                    .bearer_auth(token)
                    .header("content-type", "image/png")
                    .body(png.into_inner()),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["url"].as_str().expect("an image URL").to_string()
    }

    /// Number of rows in a table.
    pub async fn count(&self, table: &str) -> i64 {
        use diesel::QueryableByName;
        use diesel_async::RunQueryDsl;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let r: N = diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
            .get_result(&mut conn)
            .await
            .unwrap();
        r.n
    }
}

/// A bilingual post body: German first unless `main` says otherwise.
pub fn bilingual(title: &str) -> Value {
    serde_json::json!({
        "translations": [
            {"language": "de", "title": format!("{title} (de)"), "summary": "Eine Zusammenfassung.", "body": "**Text** auf Deutsch."},
            {"language": "fr", "title": format!("{title} (fr)"), "summary": "Un résumé.", "body": "Texte en *français*."}
        ],
        "themes": ["youth", "climate"],
        "sdgs": [13, 4],
        "place": "Dortmund",
        "starts_on": "2026-07-20",
        "ends_on": "2026-07-26"
    })
}
