//! The review loop of `raci serve` clicked through in headless Chromium over WebDriver
//! (fantoccini and Debian's chromedriver): upload the sample, open the review, change one
//! task's side, re-audit, see the headline change, download raci.toml, and check that the
//! command line with it writes the same reports. `RACI_BLESS=1` also rewrites
//! `docs/review.png` from the review page.

use crate::review::{assert_cli_agrees, headline};
use crate::serve::{sample, start};
use crate::support::root;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A chromedriver child, killed when dropped (only this one, by its handle).
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts chromedriver on a free port and waits until it listens.
fn start_driver(binary: &Path) -> (Driver, u16) {
    let port = free_port();
    let child = Command::new(binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        std::thread::sleep(Duration::from_millis(100));
    }
    (driver, port)
}

/// The Chromium this machine runs: headless, no sandbox, no network of its own, a fresh
/// profile, downloads into `downloads`.
fn capabilities(profile: &Path, downloads: &Path) -> serde_json::Map<String, serde_json::Value> {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,1000",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect::<Vec<_>>();
    let caps = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": args,
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        },
    });
    caps.as_object().unwrap().clone()
}

async fn text_of(c: &Client, css: &str) -> String {
    match c
        .wait()
        .at_most(Duration::from_secs(60))
        .for_element(Locator::Css(css))
        .await
    {
        Ok(element) => element.text().await.unwrap(),
        Err(e) => {
            let url = c.current_url().await.map(|u| u.to_string());
            let page = c.source().await.unwrap_or_default();
            panic!("{css}: {e} at {url:?}:\n{page:.3000}")
        }
    }
}

/// Waits for a file to appear in `dir` (a download), and reads it.
fn downloaded(dir: &Path, name: &str) -> Option<Vec<u8>> {
    let path = dir.join(name);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(bytes) = std::fs::read(&path) {
            if !bytes.is_empty() {
                return Some(bytes);
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

async fn review_loop(c: &Client, url: &str, downloads: &Path) -> (String, Vec<u8>) {
    // Upload the sample through the page's own form (app.js sends it and follows the id).
    c.goto(url).await.unwrap();
    let file = c.find(Locator::Css("input[name=file]")).await.unwrap();
    let path: PathBuf = sample("product-team.xlsx");
    file.send_keys(&path.display().to_string()).await.unwrap();
    c.find(Locator::Css("form.upload-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let before = text_of(c, "p.headline").await;
    assert!(before.contains("7 tasks could not be placed"), "{before}");

    // Open the review and change the first unclassified task to the PO side.
    c.find(Locator::Css("a.review-link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    text_of(c, "form.review-form").await;
    let mut changed = None;
    for select in c
        .find_all(Locator::Css("select[name^=side-]"))
        .await
        .unwrap()
    {
        if select.prop("value").await.unwrap().as_deref() == Some("unclassified") {
            select.select_by_value("PO").await.unwrap();
            changed = select.attr("name").await.unwrap();
            break;
        }
    }
    let changed = changed.expect("an unclassified task to change");
    // app.js ran under the page's CSP: the change is counted on the button.
    let button = text_of(c, "button.reaudit").await;
    assert_eq!(button, "Re-audit (1 change)");
    if std::env::var_os("RACI_BLESS").is_some() {
        // The top of the page: the filters and the first tasks, one of them changed.
        c.set_window_size(1280, 1400).await.unwrap();
        c.execute("window.scrollTo(0, 0);", vec![]).await.unwrap();
        let shot = c.screenshot().await.unwrap();
        std::fs::write(root().join("docs/review.png"), shot).unwrap();
    }
    // Re-audit: a plain form post and a 303 to the new audit.
    c.find(Locator::Css("button.reaudit"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let changes = text_of(c, "p.changes").await;
    assert!(changes.contains("1 side changed"), "{changes}");
    let after = text_of(c, "p.headline").await;
    assert!(after.contains("6 tasks could not be placed"), "{after}");
    assert_ne!(before, after);
    let page = c.source().await.unwrap();
    assert!(headline(&page).contains("6 tasks could not be placed"));
    let current = c.current_url().await.unwrap();
    let id = current
        .path()
        .strip_prefix("/audit/")
        .expect("the new audit's page")
        .to_string();

    // Download raci.toml by its link.
    c.find(Locator::Css("a.toml-link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let toml = downloaded(downloads, "raci.toml")
        .unwrap_or_else(|| panic!("raci.toml was not downloaded into {}", downloads.display()));
    let text = String::from_utf8(toml.clone()).unwrap();
    assert!(text.contains("[sides]"), "{text}");
    assert!(!changed.is_empty());
    (id, toml)
}

/// Called by the test in `review` once chromium and chromedriver are known to be there.
pub(crate) fn run(chromedriver: &Path) {
    let server = start();
    let tmp = tempfile::tempdir().unwrap();
    let downloads = tmp.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, port) = start_driver(chromedriver);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (id, toml) = runtime.block_on(async {
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(capabilities(&tmp.path().join("profile"), &downloads));
        let client = builder
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with headless Chromium");
        let result = review_loop(&client, &server.url(), &downloads).await;
        let _ = client.close().await;
        result
    });
    // The command line with the downloaded raci.toml writes what the browser's re-audit
    // serves, byte for byte.
    assert_cli_agrees(server.addr(), &id, &toml);
}
