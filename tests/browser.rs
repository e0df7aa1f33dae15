//! The built site in a real browser, served under a subpath as GitHub
//! Pages serves it. Needs Chromium, so it is ignored by default; run
//! `tests/browser/run.sh` (or `PARALLAX_BROWSER=1 cargo test --test browser
//! -- --ignored`). Screenshots go to `target/browser-artifacts/`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// (path, status) of every request the test server answered.
type Log = Arc<Mutex<Vec<(String, u16)>>>;

/// Serves `site` at `/repo/` and logs every request.
fn start_server(site: PathBuf) -> (u16, Log) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let log: Log = Arc::default();
    let log2 = Arc::clone(&log);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let url = request
                .url()
                .split(['?', '#'])
                .next()
                .unwrap_or("")
                .to_string();
            let file = url
                .strip_prefix("/repo/")
                .filter(|rel| !rel.split('/').any(|p| p == ".."))
                .map(|rel| {
                    let mut p = site.join(rel);
                    if rel.is_empty() || rel.ends_with('/') {
                        p.push("index.html");
                    }
                    p
                });
            // Like GitHub Pages: a miss gets the site's 404.html.
            let (status, body) = match file.and_then(|f| std::fs::read(f).ok()) {
                Some(bytes) => (200, bytes),
                None => (
                    404,
                    std::fs::read(site.join("404.html")).unwrap_or_default(),
                ),
            };
            log2.lock().unwrap().push((url.clone(), status));
            let mime = mime(&url);
            let header = tiny_http::Header::from_bytes("Content-Type", mime).unwrap();
            let response = tiny_http::Response::from_data(body)
                .with_status_code(status)
                .with_header(header);
            let _ = request.respond(response);
        }
    });
    (port, log)
}

fn mime(url: &str) -> &'static str {
    match url.rsplit('.').next().unwrap_or("") {
        "css" => "text/css",
        "xml" => "application/xml",
        "json" => "application/json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "text/html; charset=utf-8",
    }
}

/// Takes a screenshot of `url` at the given window size.
fn screenshot(url: &str, size: (u32, u32), png: &Path, profile: &Path) {
    let chromium = std::env::var("PARALLAX_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let mut child = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={},{}", size.0, size.1))
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium runs (apt-get install -y chromium, or set PARALLAX_CHROMIUM)");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed on {url}");
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium timed out on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let size = std::fs::metadata(png).map(|m| m.len()).unwrap_or(0);
    assert!(size > 1000, "{} is a real screenshot", png.display());
}

#[test]
#[ignore = "needs Chromium: run tests/browser/run.sh"]
fn site_under_a_subpath_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let (port, log) = start_server(site.clone());
    let base = format!("http://127.0.0.1:{port}/repo/");
    Command::cargo_bin("parallax")
        .unwrap()
        .arg("build")
        .arg("--seeds")
        .arg(root.join("seeds"))
        .arg("--out")
        .arg(&site)
        .arg("--base-url")
        .arg(&base)
        .current_dir(tmp.path())
        .assert()
        .success();
    let slug = std::fs::read_dir(site.join("stories"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned();
    let artifacts = root.join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let story = format!("{base}stories/{slug}/index.html");
    let shots = [
        ("story-phone", story.clone(), (390, 844)),
        ("story-desktop", story.clone(), (1280, 900)),
        ("index-desktop", format!("{base}index.html"), (1280, 900)),
        (
            "email",
            format!("{base}stories/{slug}/email.html"),
            (700, 1100),
        ),
        (
            "not-found",
            format!("{base}stories/no-such-story/"),
            (800, 500),
        ),
    ];
    for (i, (name, url, size)) in shots.iter().enumerate() {
        let profile = tmp.path().join(format!("profile-{i}"));
        screenshot(url, *size, &artifacts.join(format!("{name}.png")), &profile);
    }
    let log = log.lock().unwrap();
    let missing: Vec<&(String, u16)> = log
        .iter()
        .filter(|(path, status)| *status == 404 && path != "/favicon.ico")
        .filter(|(path, _)| !path.starts_with("/repo/stories/no-such-story"))
        .collect();
    assert!(missing.is_empty(), "requests that 404ed: {missing:?}");
    assert!(
        log.iter().any(|(p, _)| p == "/repo/assets/style.css"),
        "{log:?}"
    );
    eprintln!(
        "{} requests, screenshots in {}",
        log.len(),
        artifacts.display()
    );
}
