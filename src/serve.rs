//! `parallax serve`: build, serve the site on 127.0.0.1, rebuild when the
//! inputs change and reload open pages.
//!
//! The site is mounted at the path of the base URL (`/repo/` for
//! `https://user.github.io/repo/`), exactly as GitHub Pages serves it, and
//! built with the base URL pointed at the local server so the feed, email
//! and 404 links work locally too. Open pages poll
//! `/__parallax/version` and reload when a rebuild finished; the small
//! script doing that is added to served HTML responses only, never to the
//! written files. A failed rebuild is reported and the previous site stays
//! (the write stage swaps sites atomically).

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How long the inputs must be quiet before a rebuild.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// Threads answering requests.
const WORKERS: usize = 8;
/// The URL open pages poll for the build number.
pub const VERSION_PATH: &str = "/__parallax/version";
/// Added before `</body>` of served HTML: reloads when the build changes.
pub const RELOAD_SCRIPT: &str = "<script>(function(){var v=null;setInterval(function(){fetch(\"/__parallax/version\",{cache:\"no-store\"}).then(function(r){return r.text()}).then(function(t){if(v===null){v=t}else if(t!==v){location.reload()}}).catch(function(){})},1000)})();</script>";

/// What to serve and watch.
#[derive(Debug, Clone)]
pub struct Settings {
    pub port: u16,
    /// The built site's folder.
    pub out: PathBuf,
    /// The configured base URL; only its path is used (the mount point).
    pub base_url: Option<String>,
    /// Folders and files whose changes trigger a rebuild.
    pub watch: Vec<PathBuf>,
}

/// A rebuild: given the local base URL, builds the site and returns a
/// one-line summary, or an error message.
pub type Rebuild<'a> = dyn Fn(&str) -> std::result::Result<String, String> + Sync + 'a;

/// Builds, then serves until the process is stopped.
pub fn serve(settings: &Settings, rebuild: &Rebuild<'_>) -> Result<()> {
    let mount = mount_path(settings.base_url.as_deref());
    let local = format!("http://127.0.0.1:{}{mount}", settings.port);
    report(rebuild(&local));
    let address = format!("127.0.0.1:{}", settings.port);
    let server = tiny_http::Server::http(&address).map_err(|e| Error::Output {
        path: PathBuf::from(&address),
        message: format!("cannot listen: {e}"),
    })?;
    let (tx, rx) = mpsc::channel();
    let _watcher = watch(&settings.watch, tx)?;
    eprintln!(
        "serving {} at {local} (Ctrl-C to stop)",
        settings.out.display()
    );
    let version = AtomicU64::new(1);
    std::thread::scope(|scope| {
        scope.spawn(|| rebuild_loop(rx, &settings.watch, rebuild, &local, &version));
        // Several workers, so one client that reads slowly (or never) does
        // not hold up every other request.
        for _ in 0..WORKERS {
            scope.spawn(|| {
                for request in server.incoming_requests() {
                    let response = respond(&settings.out, &mount, request.url(), &version);
                    let _ = request.respond(response);
                }
            });
        }
    });
    Ok(())
}

fn report(result: std::result::Result<String, String>) {
    match result {
        Ok(summary) => eprintln!("{summary}"),
        Err(e) => eprintln!("error: {e} (still serving the previous site)"),
    }
}

/// The base URL's path (`/repo/`), or `/`.
pub fn mount_path(base_url: Option<&str>) -> String {
    base_url
        .and_then(|b| crate::output::urls::BaseUrl::parse(b).ok().flatten())
        .map_or_else(|| "/".to_string(), |b| b.path().to_string())
}

/// Starts watching; events go to `tx`. Files are watched through their
/// folder, so editors that save by replacing the file are seen.
fn watch(
    paths: &[PathBuf],
    tx: mpsc::Sender<notify::Result<notify::Event>>,
) -> Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let to_error = |path: &Path, e: notify::Error| Error::Output {
        path: path.to_path_buf(),
        message: format!("cannot watch: {e}"),
    };
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| to_error(Path::new("."), e))?;
    for p in paths {
        if p.is_dir() {
            watcher
                .watch(p, RecursiveMode::Recursive)
                .map_err(|e| to_error(p, e))?;
        } else if let Some(parent) = p.parent().filter(|d| d.is_dir()).or(Some(Path::new("."))) {
            let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
        }
    }
    Ok(watcher)
}

/// Whether an event touches one of the watched paths.
fn relevant(event: &notify::Event, watched: &[PathBuf]) -> bool {
    if event.kind.is_access() {
        return false;
    }
    event.paths.iter().any(|p| {
        watched.iter().any(|w| {
            let w = std::fs::canonicalize(w).unwrap_or_else(|_| w.clone());
            p.starts_with(&w) || w.file_name().is_some() && p.file_name() == w.file_name()
        })
    })
}

/// Waits for changes, lets them settle, rebuilds, bumps the version.
fn rebuild_loop(
    rx: mpsc::Receiver<notify::Result<notify::Event>>,
    watched: &[PathBuf],
    rebuild: &Rebuild<'_>,
    local: &str,
    version: &AtomicU64,
) {
    while let Ok(event) = rx.recv() {
        if !event.is_ok_and(|e| relevant(&e, watched)) {
            continue;
        }
        while rx.recv_timeout(DEBOUNCE).is_ok() {}
        report(rebuild(local));
        version.fetch_add(1, Ordering::SeqCst);
    }
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

/// Answers one request.
pub fn respond(out: &Path, mount: &str, url: &str, version: &AtomicU64) -> Response {
    let path = percent_decode(url.split(['?', '#']).next().unwrap_or(""));
    // `//stories` would redirect to `//stories/`, which a browser reads as
    // another host: repeated leading slashes are one.
    let path = format!("/{}", path.trim_start_matches('/'));
    if path == VERSION_PATH {
        let v = version.load(Ordering::SeqCst).to_string();
        return with_type(
            tiny_http::Response::from_string(v),
            "text/plain; charset=utf-8",
        );
    }
    let Some(rel) = path.strip_prefix(mount) else {
        return if mount.starts_with(&path) {
            redirect(mount)
        } else {
            not_found(out, mount)
        };
    };
    let Some(file) = site_file(out, rel) else {
        return not_found(out, mount);
    };
    if file.is_dir() {
        return redirect(&format!("{path}/"));
    }
    match std::fs::read(&file) {
        Ok(bytes) => page(bytes, &file, 200),
        Err(_) => not_found(out, mount),
    }
}

/// The file a site-relative URL path names; `None` if it leaves the site.
fn site_file(out: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = out.to_path_buf();
    for part in rel.split('/').filter(|p| !p.is_empty()) {
        let mut c = Path::new(part).components();
        match (c.next(), c.next()) {
            (Some(Component::Normal(n)), None) => path.push(n),
            _ => return None,
        }
    }
    if rel.is_empty() || rel.ends_with('/') {
        path.push("index.html");
    }
    Some(path)
}

fn page(bytes: Vec<u8>, file: &Path, status: u16) -> Response {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let bytes = if ext == "html" {
        inject_reload(&String::from_utf8_lossy(&bytes)).into_bytes()
    } else {
        bytes
    };
    with_type(tiny_http::Response::from_data(bytes), content_type(ext)).with_status_code(status)
}

/// Adds the reload script before `</body>` (or at the end).
pub fn inject_reload(html: &str) -> String {
    match html.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_SCRIPT}\n{}", &html[..i], &html[i..]),
        None => format!("{html}{RELOAD_SCRIPT}\n"),
    }
}

fn not_found(out: &Path, _mount: &str) -> Response {
    let custom = out.join("404.html");
    match std::fs::read(&custom) {
        Ok(bytes) => page(bytes, &custom, 404),
        Err(_) => tiny_http::Response::from_string("not found").with_status_code(404),
    }
}

fn redirect(to: &str) -> Response {
    let mut r = tiny_http::Response::from_string(format!("see {to}")).with_status_code(302);
    if let Ok(h) = tiny_http::Header::from_bytes("Location", to.as_bytes()) {
        r.add_header(h);
    }
    r
}

fn with_type(mut r: Response, mime: &str) -> Response {
    if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", mime.as_bytes()) {
        r.add_header(h);
    }
    if let Ok(h) = tiny_http::Header::from_bytes("Cache-Control", "no-store") {
        r.add_header(h);
    }
    r
}

/// The content type of a site file, by extension.
pub fn content_type(ext: &str) -> &'static str {
    match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes (invalid ones are kept as they are).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(r: Response) -> (u16, String) {
        let code = r.status_code().0;
        let mut data = Vec::new();
        let mut reader = r.into_reader();
        std::io::Read::read_to_end(&mut reader, &mut data).unwrap();
        (code, String::from_utf8(data).unwrap())
    }

    #[test]
    fn serves_under_the_mount_with_reload_and_refuses_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("stories/x")).unwrap();
        std::fs::write(site.join("index.html"), "<body>home</body>").unwrap();
        std::fs::write(site.join("stories/x/digest.md"), "# x").unwrap();
        std::fs::write(site.join("404.html"), "<body>lost</body>").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "no").unwrap();
        let v = AtomicU64::new(7);
        let (code, text) = body(respond(&site, "/repo/", "/repo/", &v));
        assert_eq!(code, 200);
        assert!(text.starts_with("<body>home<script>"), "{text}");
        assert_eq!(
            body(respond(&site, "/repo/", "/repo/stories/x/digest.md", &v)).1,
            "# x"
        );
        assert_eq!(body(respond(&site, "/repo/", "/repo/stories/x", &v)).0, 302);
        assert_eq!(body(respond(&site, "/repo/", "/repo", &v)).0, 302);
        let (code, text) = body(respond(&site, "/repo/", "/repo/../secret.txt", &v));
        assert_eq!(code, 404);
        assert!(text.contains("lost"));
        assert_eq!(
            body(respond(&site, "/repo/", "/repo/%2e%2e/secret.txt", &v)).0,
            404
        );
        assert_eq!(body(respond(&site, "/repo/", VERSION_PATH, &v)).1, "7");
    }

    #[test]
    fn a_redirect_never_names_another_host() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("stories")).unwrap();
        let v = AtomicU64::new(1);
        let r = respond(&site, "/", "//stories", &v);
        let location = r
            .headers()
            .iter()
            .find(|h| h.field.equiv("Location"))
            .map(|h| h.value.to_string());
        assert_eq!(location.as_deref(), Some("/stories/"));
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%20b%zz%"), "a b%zz%");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }

    #[test]
    fn mount_comes_from_the_base_url_path() {
        assert_eq!(mount_path(Some("https://u.github.io/repo")), "/repo/");
        assert_eq!(mount_path(None), "/");
    }
}
