//! A headless Chromium per test (one at a time: the machine is small), driven through
//! chromedriver; and test instances with an organisation and its editor.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use passerelle::db::models::account::Account;
use passerelle::db::models::actor::DbActor;
use passerelle::orgs::{NewOrganisation, Profile};
use passerelle::testing::TestInstance;
use passerelle::vocab::OrgKind;
use serde_json::json;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};
use tokio::sync::{Mutex, MutexGuard};

/// Chromium is heavy: browser tests run one after the other.
static ONE_BROWSER: Mutex<()> = Mutex::const_new(());

pub const WAIT: Duration = Duration::from_secs(20);

pub const PASSWORD: &str = "redaktion-passwort-1";

/// The flags Chromium needs here: headless, no sandbox (root in a container), and nothing
/// that reaches for the network on its own (the machine has none; without these Chromium
/// hangs on refused connections).
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
];

pub struct Browser {
    pub c: Client,
    _driver: Child,
    profile: PathBuf,
    _turn: MutexGuard<'static, ()>,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    pub async fn start() -> Browser {
        let turn = ONE_BROWSER.lock().await;
        let chromium =
            std::env::var("PASSERELLE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let chromedriver = std::env::var("PASSERELLE_CHROMEDRIVER")
            .unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        assert!(
            std::path::Path::new(&chromedriver).exists()
                && std::path::Path::new(&chromium).exists(),
            "browser tests need Debian's chromium and chromium-driver ({chromium}, {chromedriver}); .ci/test installs them"
        );
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not listen on {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = std::env::temp_dir().join(format!(
            "passerelle-chromium-{}",
            uuid::Uuid::new_v4().simple()
        ));
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
        });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!()
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let c = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        Browser {
            c,
            _driver: driver,
            profile,
            _turn: turn,
        }
    }

    pub async fn goto(&self, url: &str) {
        self.c.goto(url).await.expect("page loads");
    }

    pub async fn find(&self, css: &str) -> Element {
        match self
            .c
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => panic!("no `{css}` on {}: {e}", self.url().await),
        }
    }

    pub async fn has(&self, css: &str) -> bool {
        self.c.find(Locator::Css(css)).await.is_ok()
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("element text")
    }

    pub async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.attr(name).await.expect("attribute")
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let e = self.find(css).await;
        e.clear().await.expect("field clears");
        e.send_keys(text).await.expect("typing");
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    pub async fn url(&self) -> String {
        self.c
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    /// Clicks and waits for the next page: the clicked element goes stale when it unloads.
    pub async fn submit(&self, css: &str) {
        let e = self.find(css).await;
        e.click().await.expect("click");
        let started = Instant::now();
        loop {
            // A stale element answers with an error: the page changed.
            if e.tag_name().await.is_err() {
                break;
            }
            assert!(
                started.elapsed() < WAIT,
                "no new page after clicking `{css}`"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.find("body").await;
    }

    /// Reloads `url` until `css` is there (something arriving from another instance).
    pub async fn reload_until(&self, url: &str, css: &str, what: &str) -> Element {
        let started = Instant::now();
        loop {
            self.goto(url).await;
            if let Ok(e) = self.c.find(Locator::Css(css)).await {
                return e;
            }
            assert!(started.elapsed() < WAIT, "{what}: no `{css}` on {url}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Saves a screenshot as a test artifact.
    pub async fn screenshot(&self, name: &str) {
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        let png = self.c.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("screenshot written");
    }

    pub async fn login(&self, base: &str, username: &str, password: &str) {
        self.goto(&format!("{base}/login")).await;
        self.fill("#username", username).await;
        self.fill("#password", password).await;
        self.submit("form[action='/login'] button[type=submit]")
            .await;
        assert!(
            self.has(".who").await,
            "logged in as {username}: {}",
            self.url().await
        );
    }

    pub async fn close(self) {
        let _ = self.c.clone().close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("browser-screenshots")
}

/// A served instance with organisations and their editors.
pub struct Site {
    pub inst: TestInstance,
}

impl Site {
    pub async fn start() -> Site {
        Site {
            inst: TestInstance::start().await.expect("instance starts"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.inst.url(path)
    }

    pub fn handle(&self, org: &str) -> String {
        format!("@{org}@{}", self.inst.domain())
    }

    pub async fn org(&self, handle: &str, name: &str) -> DbActor {
        self.org_with(handle, name, false).await
    }

    /// An organisation; `manual`: it approves followers by hand.
    pub async fn org_with(&self, handle: &str, name: &str, manual: bool) -> DbActor {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let input = NewOrganisation {
            handle: handle.into(),
            name: name.into(),
            kind: OrgKind::Municipality,
            profile: Profile {
                languages: vec!["de".into(), "fr".into()],
                manually_approves_followers: manual,
                discoverable: true,
                indexable: true,
                ..Profile::default()
            },
        };
        passerelle::orgs::create(&mut conn, &self.inst.state().urls, &input)
            .await
            .unwrap()
    }

    /// An account that edits for `org`.
    pub async fn editor(&self, username: &str, org: &DbActor) -> Account {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        let a = passerelle::auth::create_account(&mut conn, username, PASSWORD, false, false)
            .await
            .unwrap();
        Account::grant_editor(&mut conn, a.id, org.id)
            .await
            .unwrap();
        a
    }

    pub async fn admin(&self, username: &str) -> Account {
        let mut conn = self.inst.state().pool.get().await.unwrap();
        passerelle::auth::create_account(&mut conn, username, PASSWORD, true, false)
            .await
            .unwrap()
    }
}

/// A small JPEG on disk, to upload.
pub fn jpeg_file(name: &str) -> PathBuf {
    let img = image::RgbImage::from_fn(640, 420, |x, y| {
        image::Rgb([(x / 3) as u8, (y / 2) as u8, ((x + y) / 5) as u8])
    });
    let path = std::env::temp_dir().join(format!("{name}-{}.jpg", uuid::Uuid::new_v4().simple()));
    image::DynamicImage::ImageRgb8(img)
        .save_with_format(&path, image::ImageFormat::Jpeg)
        .unwrap();
    path
}
