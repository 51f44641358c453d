//! Shared set-up: a running instance with an admin, organisations and editors.

use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use passerelle::auth;
use passerelle::db::models::account::Account;
use passerelle::db::models::actor::DbActor;
use passerelle::db::models::post::{PostData, TranslationData};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::state::AppState;
use passerelle::testing::{TestDb, TestInstance, test_config};
use passerelle::vocab::OrgKind;
use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use reqwest::{Client, RequestBuilder, Response, StatusCode};
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

    /// A twinning of `a` and `b` since 1960, active and confirmed by both, written straight
    /// into the database under `/partnerships/{key}`.
    pub async fn twinning(
        &self,
        a: &DbActor,
        b: &DbActor,
        key: &str,
    ) -> passerelle::db::models::partnership::DbPartnership {
        use passerelle::db::models::partnership::{DbPartnership, NewPartnership};
        use passerelle::vocab::{PartnershipKind, PartnershipStatus};
        let mut conn = self.inst.state().pool.get().await.unwrap();
        DbPartnership::insert(
            &mut conn,
            &NewPartnership {
                ap_id: self.url(&format!("/partnerships/{key}")),
                subject_id: a.id,
                object_id: b.id,
                kind: PartnershipKind::Twinning,
                founded_year: Some(1960),
                status: PartnershipStatus::Active,
                ended_on: None,
                confirmed: true,
                imported: false,
                languages: vec![],
                themes: vec![],
                description: serde_json::json!({}),
                offer_activity_id: None,
            },
        )
        .await
        .expect("partnership stored")
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

const PASSWORD: &str = "editor-password-1";

/// A logged-in editor: the session cookie and the session's CSRF token.
pub struct Editor {
    pub http: Client,
    pub base: String,
    pub cookie: String,
    pub csrf: String,
}

pub fn set_cookie(resp: &Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
}

pub fn urlencoded(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

impl Editor {
    pub async fn login(ctx: &Ctx, username: &str) -> Editor {
        let http = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = http.get(ctx.url("/login")).send().await.unwrap();
        let login_csrf = set_cookie(&page, "passerelle_login_csrf").expect("login CSRF cookie");
        let resp = http
            .post(ctx.url("/login"))
            .header(COOKIE, format!("passerelle_login_csrf={login_csrf}"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(urlencoded(&[
                ("csrf", &login_csrf),
                ("username", username),
                ("password", PASSWORD),
                ("next", "/editor"),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{username} logs in");
        let token = set_cookie(&resp, "passerelle_session").expect("a session");
        let mut ed = Editor {
            http,
            base: ctx.url(""),
            cookie: format!("passerelle_session={token}"),
            csrf: String::new(),
        };
        let (status, html) = ed.get("/editor").await;
        assert_eq!(status, StatusCode::OK);
        ed.csrf = html
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a CSRF field")
            .to_string();
        ed
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base.trim_end_matches('/'))
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        let resp = self
            .http
            .get(self.url(path))
            .header(COOKIE, &self.cookie)
            .send()
            .await
            .unwrap();
        (resp.status(), resp.text().await.unwrap())
    }

    /// A plain form, with the CSRF token.
    pub async fn post(&self, path: &str, pairs: &[(&str, &str)]) -> Response {
        let mut all = pairs.to_vec();
        all.push(("csrf", &self.csrf));
        self.http
            .post(self.url(path))
            .header(COOKIE, &self.cookie)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(urlencoded(&all))
            .send()
            .await
            .unwrap()
    }

    /// The event form as a browser sends it: multipart, with the CSRF token and no file.
    pub async fn post_multipart(&self, path: &str, pairs: &[(&str, String)]) -> Response {
        let boundary = "----passerelle-test-boundary";
        let mut body = String::new();
        let csrf = ("csrf", self.csrf.clone());
        for (name, value) in pairs.iter().chain(std::iter::once(&csrf)) {
            body.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"image_file\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--{boundary}--\r\n"
        ));
        self.http
            .post(self.url(path))
            .header(COOKIE, &self.cookie)
            .header(
                CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap()
    }
}

/// A German article with one language version, no images, no partners.
pub fn post_data() -> PostData {
    PostData {
        object_type: "Article".into(),
        main_language: "de".into(),
        themes: vec![],
        sdgs: vec![],
        partners: vec![],
        place: None,
        starts_on: None,
        ends_on: None,
        html_url: None,
        in_reply_to: None,
        funded_by: None,
        translations: vec![TranslationData {
            language: "de".into(),
            title: "Jugendaustausch".into(),
            summary: "Zwanzig Jugendliche reisen zur Partnerstadt.".into(),
            body_markdown: None,
            content_html: "<p>Zwanzig Jugendliche reisen zur Partnerstadt.</p>".into(),
        }],
        images: vec![],
    }
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The column `n` (bigint) of the rows of `sql`.
pub async fn numbers(conn: &mut AsyncPgConnection, sql: &str) -> Vec<i64> {
    diesel::sql_query(sql)
        .load::<Number>(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.n)
        .collect()
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

/// The column `name` (text) of the rows of `sql`.
pub async fn names(conn: &mut AsyncPgConnection, sql: &str) -> Vec<String> {
    diesel::sql_query(sql)
        .load::<Name>(conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect()
}

/// A prepared instance on a database of its own that is not served: no HTTP listener, no
/// delivery worker, no maintenance task; the test drives its parts itself.
pub async fn unserved() -> (TestDb, AppState) {
    let db = TestDb::new().await.unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let state = passerelle::app::prepare(test_config(port, &db, &[]).unwrap())
        .await
        .unwrap();
    (db, state)
}
