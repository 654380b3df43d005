//! The web UI in browser tests: its production build and the Node scripts that drive Chromium.
//!
//! The build is `web/dist` when it is up to date with the sources, else a fresh build under
//! `<target>/e2e-web-dist` (so that `web/dist` is never touched while another test serves it).
//! The scripts of `web/e2e/` drive Debian's Chromium through `playwright-core`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime};

use ella_test_support::repo_root;

use crate::stack::{require_program, target_dir, Stack};

/// Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// How long one run of the browser scenarios may take before it is killed.
const E2E_TIMEOUT: Duration = Duration::from_mins(10);

/// The `web/` folder.
fn web_dir() -> PathBuf {
    repo_root().join("web")
}

/// Fails the test with an installation hint when Chromium or Node.js is missing, and installs
/// the locked npm packages (`npm ci`) when `playwright-core` or `vite` is not there yet.
pub fn require_browser_tools() {
    assert!(
        Path::new(CHROMIUM).is_file(),
        "Chromium is not installed: `apt-get install chromium chromium-driver` (scripts/test does)"
    );
    require_program("node", "`apt-get install nodejs npm` (scripts/test does)");
    let modules = web_dir().join("node_modules");
    if ["playwright-core", "vite"]
        .iter()
        .any(|package| !modules.join(package).join("package.json").is_file())
    {
        run_npm(&["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
    }
}

fn run_npm(args: &[&str]) {
    let status = Command::new("npm")
        .args(args)
        .current_dir(web_dir())
        .stdin(Stdio::null())
        .status()
        .expect("run npm");
    assert!(status.success(), "npm {args:?} failed in web/");
}

/// The UI to serve: `web/dist` when it is newer than every source of the UI, else a build of the
/// current sources in `<target>/e2e-web-dist` (reused while it is up to date).
pub fn production_build() -> PathBuf {
    let sources = newest_source_change();
    let dist = web_dir().join("dist");
    if built_after(&dist, sources) {
        return dist;
    }
    let own = target_dir().join("e2e-web-dist");
    if !built_after(&own, sources) {
        let out_dir = own.to_string_lossy().into_owned();
        run_npm(&[
            "exec",
            "--no",
            "--",
            "vite",
            "build",
            "--logLevel",
            "warn",
            "--emptyOutDir",
            "--outDir",
            &out_dir,
        ]);
    }
    own
}

/// Whether `dist` holds a build made after `sources` last changed.
fn built_after(dist: &Path, sources: SystemTime) -> bool {
    std::fs::metadata(dist.join("index.html"))
        .and_then(|meta| meta.modified())
        .is_ok_and(|built| built > sources)
}

/// The newest modification time of the UI's sources and build inputs.
fn newest_source_change() -> SystemTime {
    let web = web_dir();
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut pending = vec![
        web.join("src"),
        web.join("public"),
        web.join("index.html"),
        web.join("vite.config.ts"),
        web.join("package-lock.json"),
        web.join("tsconfig.json"),
    ];
    while let Some(path) = pending.pop() {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                pending.extend(entries.flatten().map(|entry| entry.path()));
            }
        } else if let Ok(modified) = meta.modified() {
            newest = newest.max(modified);
        }
    }
    newest
}

/// Where the browser tests put screenshots: `<target>/e2e-artifacts/`.
pub fn artifacts_dir() -> PathBuf {
    let dir = target_dir().join("e2e-artifacts");
    std::fs::create_dir_all(&dir).expect("create the artifacts folder");
    dir
}

/// Runs `node web/e2e/<script>` against `stack` and returns its exit status.
///
/// Its output goes to the test's output. The script gets the stack's environment (so that it can call
/// `supervisorctl` and `psql`) and `ELLA_E2E_URL`, `ELLA_E2E_CHROMIUM`, `ELLA_E2E_ARTIFACTS`,
/// `ELLA_E2E_DB_URL`, `ELLA_E2E_SUPERVISOR_CONF`, plus `extra_env`. Killed after 10 minutes.
pub fn run_node_script(stack: &Stack, script: &str, extra_env: &[(&str, &str)]) -> ExitStatus {
    let mut child = Command::new("node")
        .arg(web_dir().join("e2e").join(script))
        .current_dir(web_dir())
        .envs(stack.env())
        .env("ELLA_E2E_URL", stack.url())
        .env("ELLA_E2E_CHROMIUM", CHROMIUM)
        .env("ELLA_E2E_ARTIFACTS", artifacts_dir())
        .env("ELLA_E2E_DB_URL", stack.db().url().expose())
        .env(
            "ELLA_E2E_SUPERVISOR_CONF",
            repo_root().join("supervisord.conf"),
        )
        .envs(extra_env.iter().copied())
        .stdin(Stdio::null())
        .spawn()
        .expect("run node");
    let deadline = Instant::now() + E2E_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{script} did not finish within {E2E_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
