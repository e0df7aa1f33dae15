//! The built site in a real browser, served under a subpath as GitHub
//! Pages serves it, and the newsletter at a mail pane's and a phone's width
//! in light and dark mode. Needs Chromium, so it is ignored by default; run
//! `tests/browser/run.sh` (or `PARALLAX_BROWSER=1 cargo test --test browser
//! -- --ignored`). Screenshots go to `target/browser-artifacts/`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// (path, status) of every request the test server answered.
type Log = Arc<Mutex<Vec<(String, u16)>>>;

/// Builds `seeds` into `site` with its base URL under `/repo/` of a local
/// server that serves it: (the base URL, the request log).
fn build_served(seeds: &Path, site: &Path, cwd: &Path) -> (String, Log) {
    let (port, log) = start_server(site.to_path_buf());
    let base = format!("http://127.0.0.1:{port}/repo/");
    Command::cargo_bin("parallax")
        .unwrap()
        .arg("build")
        .arg("--seeds")
        .arg(seeds)
        .arg("--out")
        .arg(site)
        .arg("--base-url")
        .arg(&base)
        .current_dir(cwd)
        .assert()
        .success();
    (base, log)
}

/// The slug of the first story of a built site.
fn first_slug(site: &Path) -> String {
    std::fs::read_dir(site.join("stories"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned()
}

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
    let (base, log) = build_served(&root.join("seeds"), &site, tmp.path());
    let slug = first_slug(&site);
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

/// Following a link to a single-source claim folded under "N more claims
/// only X makes" opens that fold: the browser expands a `<details>` that
/// holds the link's target, and only that one.
#[test]
#[ignore = "needs Chromium: run tests/browser/run.sh"]
fn a_link_to_a_folded_claim_opens_its_fold() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds").join("bridge");
    std::fs::create_dir_all(&seeds).unwrap();
    let shared = "The Harbour Bridge was closed on Tuesday after a barge struck one of its piers, the port authority said.";
    let only_a = [
        "Engineers from Kettering Marine inspected the pier for six hours before declaring it unsafe.",
        "Mayor Alicia Brandt ordered ferries to run every 15 minutes until the bridge reopens.",
        "The barge, the Northern Star, was carrying 4,200 tonnes of gravel from Port Ellis.",
        "Its captain, Tomas Wendel, was questioned by harbour police and released without charge.",
        "Insurers Halvard Mutual estimated the repair bill at $12 million.",
        "Local traders said the closure cost them 30 percent of their weekday takings.",
    ];
    let a = format!(
        "---\ntitle: Harbour bridge closed after barge strike\noutlet: Coastal Times\n---\n{shared}\n\n{}\n",
        only_a.join("\n\n")
    );
    let b = format!(
        "---\ntitle: Barge hits Harbour Bridge pier\noutlet: Daily Ledger\n---\n{shared}\n\nTraffic was diverted through the river tunnel for the rest of the day.\n"
    );
    std::fs::write(seeds.join("a.md"), a).unwrap();
    std::fs::write(seeds.join("b.md"), b).unwrap();
    let site = tmp.path().join("site");
    let (base, _log) = build_served(&tmp.path().join("seeds"), &site, tmp.path());
    let slug = first_slug(&site);
    let page =
        std::fs::read_to_string(site.join("stories").join(&slug).join("index.html")).unwrap();
    let fold = page
        .find("<details class=\"more-claims\"")
        .expect("one source's claims past the first few are folded");
    let target = page[fold..]
        .split("<li id=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a folded claim has an anchor")
        .to_string();
    let folds = |dom: &str| -> Vec<bool> {
        dom.split("<details class=\"more-claims\"")
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or("").contains("open"))
            .collect()
    };
    let url = format!("{base}stories/{slug}/index.html");
    let closed = dump_dom(&url, false, &tmp.path().join("profile-plain"));
    assert_eq!(folds(&closed), vec![false], "closed without a fragment");
    let linked = dump_dom(
        &format!("{url}#{target}"),
        false,
        &tmp.path().join("profile-linked"),
    );
    assert_eq!(folds(&linked), vec![true], "opened by #{target}");
}

/// Measures `email.html` inside an iframe of the given width (headless
/// Chromium's window cannot be narrower than 500 px; a mail client shows
/// the message in a pane like this) and writes what it found, as JSON, to
/// the page's `data-result`: the pane's width and scroll width, whether
/// dark mode applied, text under 12 px, text whose contrast with what is
/// behind it is under WCAG AA's 4.5:1, elements sticking out of the pane,
/// and links that are not absolute.
const EMAIL_PROBE: &str = r#"<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="f" src="SRC" style="width:WIDTHpx;height:4000px;border:0"></iframe>
<script>
const f = document.getElementById('f');
f.onload = () => {
  const d = f.contentDocument, w = f.contentWindow;
  const out = { width: w.innerWidth, scroll: d.documentElement.scrollWidth,
    dark: w.matchMedia('(prefers-color-scheme: dark)').matches,
    texts: 0, small: [], low: [], wide: [], relative: [] };
  const rgba = c => c.match(/[\d.]+/g).map(Number);
  const lum = c => {
    const [r, g, b] = rgba(c).slice(0, 3).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const behind = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = w.getComputedStyle(e).backgroundColor, a = rgba(c);
      if (a.length < 4 || a[3] > 0) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  for (const el of d.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    out.texts += 1;
    const s = w.getComputedStyle(el), what = el.textContent.trim().slice(0, 40);
    if (parseFloat(s.fontSize) < 12) out.small.push(what + ' ' + s.fontSize);
    const a = lum(s.color), b = lum(behind(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) out.low.push(what + ' ' + ratio.toFixed(2));
    if (el.getBoundingClientRect().right > w.innerWidth + 0.5) out.wide.push(what);
  }
  for (const a of d.querySelectorAll('a[href]')) {
    if (!/^https?:\/\//.test(a.getAttribute('href'))) out.relative.push(a.getAttribute('href'));
  }
  document.body.setAttribute('data-result', JSON.stringify(out));
};
</script>
</body></html>
"#;

/// Loads `url` in headless Chromium (dark mode or not) and returns the
/// DOM after the load event.
fn dump_dom(url: &str, dark: bool, profile: &Path) -> String {
    let chromium = std::env::var("PARALLAX_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let mut cmd = std::process::Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1000,1000",
        "--virtual-time-budget=5000",
        "--dump-dom",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    if dark {
        cmd.arg("--force-dark-mode");
    }
    let out = cmd
        .arg(url)
        .stderr(std::process::Stdio::null())
        .output()
        .expect("chromium runs (apt-get install -y chromium, or set PARALLAX_CHROMIUM)");
    assert!(out.status.success(), "chromium failed on {url}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs Chromium: run tests/browser/run.sh"]
fn email_fits_and_reads_at_600_and_375_px_light_and_dark() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let (base, _log) = build_served(&root.join("seeds"), &site, tmp.path());
    let slug = first_slug(&site);
    for width in [600, 375] {
        for dark in [false, true] {
            let probe = format!("probe-{width}-{dark}.html");
            let html = EMAIL_PROBE
                .replace("SRC", &format!("stories/{slug}/email.html"))
                .replace("WIDTH", &width.to_string());
            std::fs::write(site.join(&probe), html).unwrap();
            let profile = tmp.path().join(format!("profile-{probe}"));
            let dom = dump_dom(&format!("{base}{probe}"), dark, &profile);
            let attr = dom
                .split("data-result=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or_else(|| panic!("the probe ran at {width} px: {dom}"));
            let json = attr
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            let r: serde_json::Value = serde_json::from_str(&json).unwrap();
            let case = format!("{width} px, dark {dark}: {r}");
            assert_eq!(r["width"], width, "{case}");
            assert!(
                r["scroll"].as_u64().unwrap() <= width,
                "horizontal overflow: {case}"
            );
            assert_eq!(r["dark"], dark, "{case}");
            assert!(r["texts"].as_u64().unwrap() > 20, "{case}");
            for list in ["small", "low", "wide", "relative"] {
                assert_eq!(r[list], serde_json::json!([]), "{list}: {case}");
            }
            eprintln!("email at {width} px, dark {dark}: ok ({r})");
        }
    }
}

/// Scrolls the coverage matrix of the story page (in an iframe of the
/// given width, 800 px high) down and right, then reports where the
/// header row and the fact column are, how wide the fact column is and
/// how many source columns are in view.
const MATRIX_PROBE: &str = r#"<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="f" src="SRC" style="width:WIDTHpx;height:800px;border:0"></iframe>
<script>
const f = document.getElementById('f');
f.onload = () => { try { probe(); } catch (e) {
  document.body.setAttribute('data-result', JSON.stringify({ error: String(e) })); } };
const probe = () => {
  const d = f.contentDocument, w = f.contentWindow;
  const box = d.querySelector('.matrix-scroll');
  box.scrollIntoView();
  const cols = () => [...d.querySelectorAll('.matrix thead th')].slice(1);
  const inView = () => { const b = box.getBoundingClientRect();
    return cols().filter(th => { const r = th.getBoundingClientRect();
      return r.left >= b.left + d.querySelector('.matrix tbody th').getBoundingClientRect().width - 1 && r.right <= b.right + 1; }).length; };
  const out = { width: w.innerWidth, columns: cols().length, visible: inView() };
  box.scrollTop = 400; box.scrollLeft = 600;
  const b = box.getBoundingClientRect();
  out.scrolled = [box.scrollTop, box.scrollLeft];
  out.header_offset = cols()[0].getBoundingClientRect().top - b.top;
  const rowHead = d.querySelector('.matrix tbody tr:nth-child(8) th');
  out.column_offset = rowHead.getBoundingClientRect().left - b.left;
  out.column_share = rowHead.getBoundingClientRect().width / w.innerWidth;
  document.body.setAttribute('data-result', JSON.stringify(out));
};
</script>
</body></html>
"#;

/// Reads the `data-result` JSON a probe page left in the dumped DOM.
fn probe_result(dom: &str, what: &str) -> serde_json::Value {
    let attr = dom
        .split("data-result=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("the probe ran ({what}): {dom}"));
    let json = attr
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

/// A story of 33 outlets (the issue's example): on a desktop many source
/// columns are in view, and on a desktop and a phone the header row and
/// the fact column stay put while the matrix scrolls both ways, the fact
/// column taking under half a phone's width.
#[test]
#[ignore = "needs Chromium: run tests/browser/run.sh"]
fn coverage_matrix_of_33_sources_keeps_header_and_facts_in_view() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds").join("harbour");
    std::fs::create_dir_all(&seeds).unwrap();
    // The sample's longest article, run by 33 outlets: a fact per sentence.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(root.join("seeds/002_ae59d914d090ed4d.txt")).unwrap();
    let body = body
        .split_once('\n')
        .map_or(body.as_str(), |(_, rest)| rest);
    for i in 0..33 {
        let text = format!(
            "---\ntitle: Harbour berths reopen\noutlet: Coastal Outlet Number {i}\n---\n{body}"
        );
        std::fs::write(seeds.join(format!("outlet{i:02}.md")), text).unwrap();
    }
    let site = tmp.path().join("site");
    let (base, _log) = build_served(&tmp.path().join("seeds"), &site, tmp.path());
    for width in [1280, 390] {
        let probe = format!("matrix-{width}.html");
        let html = MATRIX_PROBE
            .replace("SRC", "stories/harbour/index.html")
            .replace("WIDTH", &width.to_string());
        std::fs::write(site.join(&probe), html).unwrap();
        let profile = tmp.path().join(format!("profile-{probe}"));
        let r = probe_result(
            &dump_dom(&format!("{base}{probe}"), false, &profile),
            &probe,
        );
        let case = format!("{width} px: {r}");
        assert_eq!(r["columns"], 33, "{case}");
        assert!(
            r["scrolled"][0].as_f64().unwrap() > 0.0,
            "scrolls down: {case}"
        );
        assert!(
            r["scrolled"][1].as_f64().unwrap() > 0.0,
            "scrolls right: {case}"
        );
        assert!(
            r["header_offset"].as_f64().unwrap().abs() < 1.5,
            "sticky header: {case}"
        );
        assert!(
            r["column_offset"].as_f64().unwrap().abs() < 1.5,
            "sticky facts: {case}"
        );
        if width == 1280 {
            assert!(
                r["visible"].as_u64().unwrap() >= 12,
                "columns in view: {case}"
            );
        } else {
            assert!(
                r["column_share"].as_f64().unwrap() < 0.5,
                "fact column: {case}"
            );
        }
        eprintln!("matrix at {width} px: ok ({r})");
    }
}
