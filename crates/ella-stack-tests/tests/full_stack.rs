//! The whole container on this machine: the real supervisord with the repository's
//! `supervisord.conf`, which starts the real nginx (`scripts/start-nginx` and `nginx.conf`), the
//! built `ella-api` and `analyses-watcher`, against a per-test database with the demo data.
//!
//! Needs `nginx` and `supervisord` on the `PATH` (`.ci/run` installs them) and the UI build in
//! `web/dist` (`scripts/test` builds it first); without that build, a small fixture `index.html`
//! is served instead (`ELLA_UI_ROOT`).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use ella_test_support::{copy_dir, repo_root, testdata, TestDatabase};

/// The binaries supervisord runs, and `ella-cli` to load the demo data.
const BINARIES: [&str; 3] = ["ella-api", "analyses-watcher", "ella-cli"];

/// The analysis dropped into the incoming folder (its panel is part of the demo data).
const ANALYSIS: &str = "brca_sample_1.HBOC_v01";

/// The folder of the built binaries: the test executable lives in `<target>/<profile>/deps/`.
/// The binaries are built when missing (e.g. `cargo test -p ella-stack-tests` on a fresh tree);
/// `cargo test --workspace` has built them already.
fn bin_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("<target>/<profile>/deps/<test>")
        .to_path_buf();
    if BINARIES.iter().any(|name| !dir.join(name).is_file()) {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = Command::new(cargo);
        build.current_dir(repo_root()).args(["build", "--bins"]);
        for package in BINARIES {
            build.args(["-p", package]);
        }
        if dir.file_name().is_some_and(|name| name == "release") {
            build.arg("--release");
        }
        if let Some(target) = dir.parent() {
            build.env("CARGO_TARGET_DIR", target);
        }
        let status = build.status().expect("run cargo build");
        assert!(status.success(), "building {BINARIES:?} failed");
    }
    dir
}

fn require_program(name: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found,
        "`{name}` is not installed: `apt-get install nginx-light supervisor` (.ci/run does)"
    );
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind a free port")
        .local_addr()
        .expect("local address")
        .port()
}

/// The UI root: the production build, or a fixture page when the build is absent.
fn ui_root(temp: &Path) -> (PathBuf, String) {
    let dist = repo_root().join("web/dist");
    if let Ok(index) = std::fs::read_to_string(dist.join("index.html")) {
        return (dist, index);
    }
    let root = temp.join("ui");
    std::fs::create_dir_all(&root).expect("fixture UI root");
    let index = "<!doctype html><html><body>ELLA fixture UI</body></html>\n".to_owned();
    std::fs::write(root.join("index.html"), &index).expect("fixture index.html");
    (root, index)
}

/// Loads the demo data as `scripts/load-demo-data` does, through the built `ella-cli`.
fn load_demo_data(db: &TestDatabase, bin: &Path) {
    let data = |relative: &str| testdata(relative).to_string_lossy().into_owned();
    let mut commands: Vec<Vec<String>> = vec![vec![
        "--reason".into(),
        "demo".into(),
        "annotationconfig".into(),
        "update".into(),
        data("fixtures/annotation-config.yml"),
    ]];
    for panel in ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"] {
        commands.push(vec![
            "deposit".into(),
            "genepanel".into(),
            "--folder".into(),
            data(&format!("genepanels/{panel}")),
        ]);
    }
    commands.push(vec![
        "users".into(),
        "add_groups".into(),
        data("fixtures/usergroups.json"),
    ]);
    commands.push(vec![
        "users".into(),
        "add_many".into(),
        "--keep-passwords".into(),
        data("fixtures/users.json"),
    ]);
    commands.push(vec![
        "--reason".into(),
        "demo".into(),
        "filterconfigs".into(),
        "update".into(),
        data("fixtures/filterconfigs.json"),
    ]);
    commands.push(vec![
        "deposit".into(),
        "references".into(),
        data("fixtures/references.json"),
    ]);
    for args in commands {
        let output = Command::new(bin.join("ella-cli"))
            .args(&args)
            .env("DB_URL", db.url().expose())
            .env("ELLA_CONFIG", testdata("fixtures/example_config.yml"))
            .env("ELLA_ROOT", repo_root())
            .env("USER", "tester")
            .stdin(Stdio::null())
            .output()
            .expect("run ella-cli");
        assert!(
            output.status.success(),
            "ella-cli {args:?}:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// supervisord and its programs; shut down (and killed if need be) when dropped.
struct Stack {
    temp: tempfile::TempDir,
    env: Vec<(&'static str, OsString)>,
    supervisord: Child,
    port: u16,
    index_html: String,
    db: TestDatabase,
}

impl Stack {
    fn start() -> Self {
        require_program("nginx");
        require_program("supervisord");
        let bin = bin_dir();
        let db = TestDatabase::migrated();
        load_demo_data(&db, &bin);
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = |name: &str| {
            let path = temp.path().join(name);
            std::fs::create_dir_all(&path).expect("create folder");
            path.into_os_string()
        };
        let (ui, index_html) = ui_root(temp.path());
        let port = free_port();
        let env: Vec<(&'static str, OsString)> = vec![
            ("ELLA_LOG_DIR", dir("logs")),
            ("ELLA_RUN_DIR", dir("socket")),
            ("TMPDIR", dir("tmp")),
            ("ELLA_BIN", bin.into_os_string()),
            ("ELLA_ROOT", repo_root().into_os_string()),
            ("ELLA_UI_ROOT", ui.into_os_string()),
            ("PORT", port.to_string().into()),
            ("DB_URL", db.url().expose().into()),
            (
                "ELLA_CONFIG",
                testdata("fixtures/example_config.yml").into_os_string(),
            ),
            ("ANALYSES_INCOMING", dir("data/analyses/incoming")),
            ("ANALYSES_PATH", dir("data/analyses/imported")),
            ("ATTACHMENT_STORAGE", dir("data/attachments")),
            ("IGV_DATA", testdata("igv-data").into_os_string()),
            ("OFFLINE_MODE", "false".into()),
            ("SUPERVISOR_USERNAME", "ella".into()),
            ("SUPERVISOR_PASSWORD", "alleles".into()),
        ];
        let supervisord = Command::new("supervisord")
            .arg("-c")
            .arg(repo_root().join("supervisord.conf"))
            .envs(env.iter().map(|(key, value)| (key, value)))
            .current_dir(temp.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start supervisord");
        Self {
            temp,
            env,
            supervisord,
            port,
            index_html,
            db,
        }
    }

    fn var(&self, name: &str) -> PathBuf {
        let (_, value) = self
            .env
            .iter()
            .find(|(key, _)| *key == name)
            .expect("a variable of the stack");
        PathBuf::from(value)
    }

    /// Every log file, for failure messages.
    fn logs(&self) -> String {
        let mut text = String::new();
        let mut files: Vec<_> = std::fs::read_dir(self.var("ELLA_LOG_DIR"))
            .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
            .unwrap_or_default();
        files.sort();
        for file in files {
            let content = std::fs::read_to_string(&file).unwrap_or_default();
            let tail: Vec<&str> = content.lines().rev().take(40).collect();
            let _ = writeln!(text, "---- {}", file.display());
            for line in tail.into_iter().rev() {
                text.push_str(line);
                text.push('\n');
            }
        }
        text
    }

    fn supervisorctl(&self, args: &[&str]) -> Output {
        Command::new("supervisorctl")
            .arg("-c")
            .arg(repo_root().join("supervisord.conf"))
            .args(args)
            .envs(self.env.iter().map(|(key, value)| (key, value)))
            .stdin(Stdio::null())
            .output()
            .expect("run supervisorctl")
    }

    /// `program -> state` from `supervisorctl status`.
    fn states(&self) -> Vec<(String, String)> {
        let output = self.supervisorctl(&["status"]);
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                Some((words.next()?.to_owned(), words.next()?.to_owned()))
            })
            .collect()
    }

    fn state(&self, program: &str) -> Option<String> {
        self.states()
            .into_iter()
            .find(|(name, _)| name == program)
            .map(|(_, state)| state)
    }

    fn pid(&self, program: &str) -> Option<u32> {
        let output = self.supervisorctl(&["pid", program]);
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .ok()
            .filter(|pid| *pid > 0)
    }

    fn wait_until(&self, what: &str, seconds: u64, condition: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        while !condition() {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}\nsupervisorctl status: {:?}\n{}",
                self.states(),
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn request(&self, method: &str, path: &str, body: Option<&str>) -> Response {
        http(self.port, method, path, body)
            .unwrap_or_else(|error| panic!("{method} {path}: {error}\n{}", self.logs()))
    }

    fn api_answers(&self) -> bool {
        http(self.port, "GET", "/api/v1/config/", None).is_ok_and(|response| response.status == 200)
    }

    fn analyses_named(&self, name: &str) -> i64 {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = BigInt)]
            count: i64,
        }
        diesel::sql_query("SELECT count(*) AS count FROM analysis WHERE name = $1")
            .bind::<diesel::sql_types::Text, _>(name)
            .get_result::<Count>(&mut self.db.connect())
            .expect("count analyses")
            .count
    }

    /// `supervisorctl shutdown`, then waits for supervisord (and so its programs) to exit.
    fn shutdown(&mut self) -> bool {
        let _ = self.supervisorctl(&["shutdown"]);
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.supervisord.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        if matches!(self.supervisord.try_wait(), Ok(None)) && !self.shutdown() {
            let _ = self.supervisord.kill();
            let _ = self.supervisord.wait();
        }
    }
}

/// A parsed HTTP/1.1 response.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// One request with `Connection: close` (no client library needed); bodies are JSON.
fn http(port: u16, method: &str, path: &str, body: Option<&str>) -> std::io::Result<Response> {
    http_with_cookie(port, method, path, body, None)
}

fn http_with_cookie(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&str>,
    cookie: Option<&str>,
) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = body.unwrap_or("");
    let cookie = cookie
        .map(|cookie| format!("Cookie: {cookie}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\
         {cookie}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, rest) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other(format!("no HTTP header in {text:?}")))?;
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status line in {head:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let chunked = headers.iter().any(|(key, value)| {
        key.eq_ignore_ascii_case("transfer-encoding") && value.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_owned()
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        body.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    body
}

#[test]
fn nginx_supervisord_api_and_watcher_run_like_the_ella_container() {
    let started = Instant::now();
    let mut stack = Stack::start();

    // The programs come up: nginx, api and the watcher running; polling defined, not started.
    stack.wait_until("the API through nginx", 60, || stack.api_answers());
    stack.wait_until("every program to be RUNNING", 30, || {
        ["nginx", "api", "analyses-watcher"]
            .iter()
            .all(|program| stack.state(program).as_deref() == Some("RUNNING"))
    });
    let states = stack.states();
    assert!(
        states
            .iter()
            .any(|(name, state)| name == "polling" && state == "STOPPED"),
        "{states:?}"
    );

    // The UI and its single-page-application fallback.
    for path in ["/", "/overview/analyses", "/analyses/1"] {
        let response = stack.request("GET", path, None);
        assert_eq!(response.status, 200, "GET {path}");
        assert_eq!(response.body, stack.index_html, "GET {path}");
        assert!(
            response
                .header("content-type")
                .is_some_and(|value| value.starts_with("text/html")),
            "GET {path}: {:?}",
            response.headers
        );
    }

    // The API behind nginx.
    let config = stack.request("GET", "/api/v1/config/", None);
    assert_eq!(config.status, 200, "{}", config.body);
    assert!(
        config
            .header("content-type")
            .is_some_and(|value| value.starts_with("application/json")),
        "{:?}",
        config.headers
    );
    assert!(config.body.trim_start().starts_with('{'), "{}", config.body);
    let login = stack.request(
        "POST",
        "/api/v1/users/actions/login/",
        Some(r#"{"username": "testuser1", "password": "demo"}"#),
    );
    assert_eq!(login.status, 200, "{}", login.body);
    let session = login
        .headers_named("set-cookie")
        .find(|cookie| cookie.starts_with("AuthenticationToken="))
        .and_then(|cookie| cookie.split(';').next())
        .unwrap_or_else(|| panic!("no AuthenticationToken cookie: {:?}", login.headers))
        .to_owned();

    // A crashed API is restarted by supervisord.
    let old_pid = stack.pid("api").expect("pid of api");
    let killed = Command::new("kill")
        .args(["-KILL", &old_pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    stack.wait_until("supervisord to restart the api", 30, || {
        stack.pid("api").is_some_and(|pid| pid != old_pid) && stack.api_answers()
    });

    // An analysis folder with READY in the incoming folder is imported and moved.
    let incoming = stack.var("ANALYSES_INCOMING");
    let staging = stack.temp.path().join("staging").join(ANALYSIS);
    copy_dir(&testdata(&format!("analyses/default/{ANALYSIS}")), &staging);
    std::fs::rename(&staging, incoming.join(ANALYSIS)).expect("move into incoming");
    std::fs::write(incoming.join(ANALYSIS).join("READY"), b"").expect("READY");
    stack.wait_until("the analysis import", 90, || {
        stack.analyses_named(ANALYSIS) == 1
    });
    let imported = stack.var("ANALYSES_PATH").join(ANALYSIS);
    stack.wait_until("the move to ANALYSES_PATH", 30, || imported.is_dir());
    // The analyses list, where the API has it (an older API answers 404).
    let list = http_with_cookie(stack.port, "GET", "/api/v1/analyses/", None, Some(&session))
        .expect("GET /api/v1/analyses/");
    if list.status != 404 {
        assert_eq!(list.status, 200, "{}", list.body);
        assert!(list.body.contains(ANALYSIS), "{}", list.body);
    }

    // A clean stop.
    assert!(stack.shutdown(), "supervisord did not shut down");
    let exit = stack.supervisord.wait().expect("supervisord status");
    assert!(exit.success(), "supervisord exited with {exit}");
    eprintln!("full stack test took {:?}", started.elapsed());
}
