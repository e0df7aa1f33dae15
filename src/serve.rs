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
    let watch = Watch::start(&settings.watch, tx)?;
    eprintln!(
        "serving {} at {local} (Ctrl-C to stop)",
        settings.out.display()
    );
    let version = AtomicU64::new(1);
    std::thread::scope(|scope| {
        scope.spawn(|| rebuild_loop(rx, watch, rebuild, &local, &version));
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

/// The file watcher and what it watches. A watch follows the folder, not
/// its name: when a watched folder is replaced (`mv seeds seeds.old; mkdir
/// seeds`), the old watch goes with the old folder and the new one would go
/// unseen. So each watched place remembers the identity of the folder it
/// watches, and [`Watch::rearm`] (run on every change and once a second)
/// watches the new folder when that identity changed.
struct Watch {
    watcher: notify::RecommendedWatcher,
    /// The paths to watch, as given.
    paths: Vec<PathBuf>,
    /// For each path: the folder watched for it and its identity when armed.
    armed: Vec<(PathBuf, Option<FolderId>)>,
}

/// A folder's identity (device and inode), where the system has one.
type FolderId = (u64, u64);

/// How often a replaced watched folder is looked for when nothing happens.
const POLL: Duration = Duration::from_secs(1);

impl Watch {
    /// Starts watching `paths`; events go to `tx`. Files are watched through
    /// their folder, so editors that save by replacing the file are seen.
    fn start(paths: &[PathBuf], tx: mpsc::Sender<notify::Result<notify::Event>>) -> Result<Watch> {
        let watcher = notify::recommended_watcher(tx).map_err(|e| Error::Output {
            path: PathBuf::from("."),
            message: format!("cannot watch: {e}"),
        })?;
        let mut watch = Watch {
            watcher,
            paths: paths.to_vec(),
            armed: Vec::new(),
        };
        for p in paths {
            let (folder, mode) = Watch::target(p);
            let id = folder_id(&folder);
            if p.is_dir() {
                use notify::Watcher;
                watch
                    .watcher
                    .watch(&folder, mode)
                    .map_err(|e| Error::Output {
                        path: p.clone(),
                        message: format!("cannot watch: {e}"),
                    })?;
            } else {
                watch.arm(&folder, mode);
            }
            watch.armed.push((folder, id));
        }
        Ok(watch)
    }

    /// The folder watched for `path` and how.
    fn target(path: &Path) -> (PathBuf, notify::RecursiveMode) {
        if path.is_dir() {
            return (path.to_path_buf(), notify::RecursiveMode::Recursive);
        }
        let parent = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        (parent.to_path_buf(), notify::RecursiveMode::NonRecursive)
    }

    /// Watches `folder`, best effort (it may not exist yet).
    fn arm(&mut self, folder: &Path, mode: notify::RecursiveMode) {
        use notify::Watcher;
        let _ = self.watcher.watch(folder, mode);
    }

    /// Watches again every place whose folder was replaced, appeared or
    /// turned from file to folder since it was armed; whether any was.
    fn rearm(&mut self) -> bool {
        use notify::Watcher;
        let mut changed = false;
        for i in 0..self.paths.len() {
            let (folder, mode) = Watch::target(&self.paths[i]);
            let id = folder_id(&folder);
            let (old_folder, old_id) = self.armed[i].clone();
            if id == old_id && folder == old_folder {
                continue;
            }
            let _ = self.watcher.unwatch(&old_folder);
            self.arm(&folder, mode);
            self.armed[i] = (folder, id);
            changed = true;
        }
        changed
    }
}

#[cfg(unix)]
fn folder_id(path: &Path) -> Option<FolderId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(path: &Path) -> Option<FolderId> {
    std::fs::metadata(path).ok().map(|_| (0, 0))
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
    mut watch: Watch,
    rebuild: &Rebuild<'_>,
    local: &str,
    version: &AtomicU64,
) {
    while next_change(&rx, &mut watch) {
        report(rebuild(local));
        version.fetch_add(1, Ordering::SeqCst);
    }
}

/// Blocks until the inputs changed and settled (true), or until no event
/// can come any more (false). A watched folder that was replaced counts as
/// a change, and its replacement is watched from then on.
fn next_change(rx: &mpsc::Receiver<notify::Result<notify::Event>>, watch: &mut Watch) -> bool {
    loop {
        match rx.recv_timeout(POLL) {
            Ok(event) => {
                if event.is_ok_and(|e| relevant(&e, &watch.paths)) {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if watch.rearm() {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return false,
        }
    }
    while rx.recv_timeout(DEBOUNCE).is_ok() {}
    watch.rearm();
    true
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
    fn a_replaced_seeds_folder_is_watched_again() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir(&seeds).unwrap();
        let (tx, rx) = mpsc::channel();
        let mut watch = Watch::start(std::slice::from_ref(&seeds), tx).unwrap();
        assert!(!watch.rearm(), "nothing changed yet");
        let (done_tx, done) = mpsc::channel();
        let file = seeds.join("a.txt");
        let writer = {
            let (seeds, dir) = (seeds.clone(), dir.path().to_path_buf());
            std::thread::spawn(move || {
                std::fs::rename(&seeds, dir.join("seeds.old")).unwrap();
                std::fs::create_dir(&seeds).unwrap();
            })
        };
        writer.join().unwrap();
        std::thread::spawn(move || {
            // The replacement is a change; then a file saved into the new
            // folder is one too (the watch moved to it).
            let first = next_change(&rx, &mut watch);
            let _ = done_tx.send(first);
            let _ = done_tx.send(next_change(&rx, &mut watch));
        });
        let wait = Duration::from_secs(20);
        assert_eq!(done.recv_timeout(wait), Ok(true), "the replacement is seen");
        std::fs::write(&file, "Title\n\nText.\n").unwrap();
        assert_eq!(
            done.recv_timeout(wait),
            Ok(true),
            "a file saved into the new seeds folder is seen"
        );
    }

    /// GET `path` from 127.0.0.1:`port`, reading the whole answer.
    fn get(port: u16, path: &str) -> std::io::Result<String> {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
        s.set_read_timeout(Some(Duration::from_secs(10)))?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )?;
        let mut answer = Vec::new();
        s.read_to_end(&mut answer)?;
        Ok(String::from_utf8_lossy(&answer).into_owned())
    }

    #[test]
    fn a_client_that_never_reads_a_big_page_blocks_no_one_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let settings = Settings {
            port,
            out: out.clone(),
            base_url: None,
            watch: Vec::new(),
        };
        std::thread::spawn(move || {
            let rebuild = |_: &str| -> std::result::Result<String, String> {
                std::fs::create_dir_all(&settings.out).unwrap();
                std::fs::write(settings.out.join("index.html"), "<body>home</body>").unwrap();
                let big = format!("<body>{}</body>", "news ".repeat(4 << 20));
                std::fs::write(settings.out.join("big.html"), big).unwrap();
                Ok("built".to_string())
            };
            let _ = serve(&settings, &rebuild);
        });
        let started = std::time::Instant::now();
        while get(port, "/index.html").is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "server up");
            std::thread::sleep(Duration::from_millis(50));
        }
        // Asks for the big page and never reads it: the server's write
        // blocks once the socket buffers are full.
        let mut stalled = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        std::io::Write::write_all(&mut stalled, b"GET /big.html HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        for _ in 0..(WORKERS * 2) {
            let answer = get(port, "/index.html").unwrap();
            assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
            assert!(answer.contains("home"), "{answer}");
        }
        drop(stalled);
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
