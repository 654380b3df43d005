//! The whole container on this machine, as one [`Stack`].
//!
//! The real supervisord with the repository's `supervisord.conf` starts the real nginx
//! (`scripts/start-nginx` and `nginx.conf`), the built `ella-api` and `analyses-watcher`, against
//! a per-test database with the demo data.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ella_test_support::{repo_root, testdata, TestDatabase};

use crate::demo_data::{self, DemoData};
use crate::http::{http, Response};

/// The binaries supervisord runs, and `ella-cli` to load the demo data.
const BINARIES: [&str; 3] = ["ella-api", "analyses-watcher", "ella-cli"];

/// The folder of the built binaries.
///
/// The test executable lives in `<target>/<profile>/deps/`. The binaries are not dependencies of
/// this crate, so `cargo test -p ella-stack-tests` alone would not rebuild them: they are built
/// here (a no-op when `cargo test --workspace` has built them already), so that a test never runs
/// stale binaries.
pub fn bin_dir() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(build_binaries).clone()
}

/// Builds [`BINARIES`] into the target folder and profile of the running test executable.
fn build_binaries() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("<target>/<profile>/deps/<test>")
        .to_path_buf();
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
    dir
}

/// Cargo's target folder (`<target>` of [`bin_dir`]), for build products and test artifacts.
pub fn target_dir() -> PathBuf {
    bin_dir()
        .parent()
        .expect("<target>/<profile>")
        .to_path_buf()
}

/// Fails the test with an installation hint when `name` is not on the `PATH`.
pub fn require_program(name: &str, hint: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(found, "`{name}` is not installed: {hint}");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind a free port")
        .local_addr()
        .expect("local address")
        .port()
}

/// What a [`Stack`] is started with.
pub struct StackOptions {
    /// The database's contents.
    pub demo: DemoData,
    /// The folder nginx serves as the UI; `None`: `web/dist`, or a fixture page when that build
    /// is absent.
    pub ui_root: Option<PathBuf>,
}

/// supervisord and its programs; shut down (and killed if need be) when dropped.
pub struct Stack {
    temp: tempfile::TempDir,
    env: Vec<(&'static str, OsString)>,
    supervisord: Child,
    port: u16,
    index_html: String,
    db: TestDatabase,
}

impl Stack {
    /// Loads the demo data into a new test database and starts supervisord (which starts the
    /// programs; wait for them with [`Stack::wait_until`]).
    pub fn start(options: StackOptions) -> Self {
        let hint = "`apt-get install nginx-light supervisor gettext-base` (scripts/test does)";
        require_program("nginx", hint);
        require_program("supervisord", hint);
        require_program("envsubst", hint);
        let bin = bin_dir();
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = |name: &str| {
            let path = temp.path().join(name);
            std::fs::create_dir_all(&path).expect("create folder");
            path.into_os_string()
        };
        let db = TestDatabase::migrated();
        demo_data::load(options.demo, &db, &bin, Path::new(&dir("demo-data")));
        let (ui, index_html) = match options.ui_root {
            Some(root) => {
                let index = std::fs::read_to_string(root.join("index.html")).expect("index.html");
                (root, index)
            }
            None => default_ui_root(temp.path()),
        };
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
            ("ENABLE_CNV", demo_data::ENABLE_CNV.into()),
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

    /// The port nginx listens on (127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The site's address, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The `index.html` nginx serves.
    pub fn index_html(&self) -> &str {
        &self.index_html
    }

    /// The stack's private folder.
    pub fn temp_dir(&self) -> &Path {
        self.temp.path()
    }

    /// The test database.
    pub fn db(&self) -> &TestDatabase {
        &self.db
    }

    /// The environment supervisord and its programs run with.
    pub fn env(&self) -> impl Iterator<Item = (&'static str, &OsString)> + '_ {
        self.env.iter().map(|(key, value)| (*key, value))
    }

    /// The value of one of the stack's environment variables, as a path.
    pub fn var(&self, name: &str) -> PathBuf {
        let (_, value) = self
            .env
            .iter()
            .find(|(key, _)| *key == name)
            .expect("a variable of the stack");
        PathBuf::from(value)
    }

    /// The last lines of every log file, for failure messages.
    pub fn logs(&self) -> String {
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

    /// `supervisorctl <args>` against this stack's supervisord.
    pub fn supervisorctl(&self, args: &[&str]) -> Output {
        Command::new("supervisorctl")
            .arg("-c")
            .arg(repo_root().join("supervisord.conf"))
            .args(args)
            .envs(self.env())
            .stdin(Stdio::null())
            .output()
            .expect("run supervisorctl")
    }

    /// `program -> state` from `supervisorctl status`.
    pub fn states(&self) -> Vec<(String, String)> {
        let output = self.supervisorctl(&["status"]);
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                Some((words.next()?.to_owned(), words.next()?.to_owned()))
            })
            .collect()
    }

    /// The supervisor state of `program` (`RUNNING`, `STOPPED`, ...).
    pub fn state(&self, program: &str) -> Option<String> {
        self.states()
            .into_iter()
            .find(|(name, _)| name == program)
            .map(|(_, state)| state)
    }

    /// The process id of `program`, when it runs.
    pub fn pid(&self, program: &str) -> Option<u32> {
        let output = self.supervisorctl(&["pid", program]);
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .ok()
            .filter(|pid| *pid > 0)
    }

    /// Polls `condition` every 200 ms; fails the test with the logs after `seconds`.
    pub fn wait_until(&self, what: &str, seconds: u64, condition: impl Fn() -> bool) {
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

    /// One request through nginx; a connection failure fails the test with the logs.
    pub fn request(&self, method: &str, path: &str, body: Option<&str>) -> Response {
        http(self.port, method, path, body)
            .unwrap_or_else(|error| panic!("{method} {path}: {error}\n{}", self.logs()))
    }

    /// Logs `username` in through nginx; returns the session cookie (`AuthenticationToken=...`).
    pub fn login(&self, username: &str, password: &str) -> String {
        let body = format!(r#"{{"username": "{username}", "password": "{password}"}}"#);
        let login = self.request("POST", "/api/v1/users/actions/login/", Some(&body));
        assert_eq!(login.status, 200, "login of {username}: {}", login.body);
        let cookie = login
            .headers_named("set-cookie")
            .find(|cookie| cookie.starts_with("AuthenticationToken="))
            .and_then(|cookie| cookie.split(';').next())
            .unwrap_or_else(|| panic!("no AuthenticationToken cookie: {:?}", login.headers))
            .to_owned();
        cookie
    }

    /// Whether the API answers `GET /api/v1/config/` through nginx.
    pub fn api_answers(&self) -> bool {
        http(self.port, "GET", "/api/v1/config/", None).is_ok_and(|response| response.status == 200)
    }

    /// Waits until nginx, the API and the watcher run and the API answers through nginx.
    pub fn wait_until_ready(&self) {
        self.wait_until("the API through nginx", 60, || self.api_answers());
        self.wait_until("every program to be RUNNING", 30, || {
            ["nginx", "api", "analyses-watcher"]
                .iter()
                .all(|program| self.state(program).as_deref() == Some("RUNNING"))
        });
    }

    /// `supervisorctl shutdown`, then waits for supervisord (and so its programs) to exit.
    pub fn shutdown(&mut self) -> bool {
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

    /// Waits for supervisord to have exited (after [`Stack::shutdown`]) and returns its status.
    pub fn supervisord_exit(&mut self) -> std::process::ExitStatus {
        self.supervisord.wait().expect("supervisord status")
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

/// The UI root: the production build in `web/dist`, or a fixture page when the build is absent.
fn default_ui_root(temp: &Path) -> (PathBuf, String) {
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
