//! `docker/entrypoint.sh` against real databases (deployment.md §4): it refuses an empty or a
//! foreign database with a clear message and without starting anything, and hands over to
//! supervisord on a database made by `ella-cli database make-production`.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use ella_stack_tests::stack::bin_dir;
use ella_test_support::{repo_root, testdata, TestDatabase};

/// The refusal text of the entrypoint, the part an operator reads first.
const REFUSAL: &str = "ELLA is not started: the database does not match this version's migrations";

/// The entrypoint with the environment of the container, on `db`, starting supervisord with
/// `supervisor_config`.
fn entrypoint(db: &TestDatabase, supervisor_config: &Path) -> Command {
    let mut command = Command::new(repo_root().join("docker/entrypoint.sh"));
    command
        .env("DB_URL", db.url().expose())
        .env("ELLA_CONFIG", testdata("fixtures/example_config.yml"))
        .env("ELLA_ROOT", repo_root())
        .env("ELLA_BIN", bin_dir())
        .env("SUPERVISOR_CONFIG", supervisor_config)
        .stdin(Stdio::null());
    command
}

/// A supervisord configuration without programs, living in `dir`.
fn idle_supervisor_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("supervisord.conf");
    let text = format!(
        "[supervisord]\nnodaemon=true\nlogfile={0}/supervisord.log\npidfile={0}/supervisord.pid\n",
        dir.display()
    );
    std::fs::write(&path, text).expect("write supervisord.conf");
    path
}

fn assert_refused(output: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{what}: the entrypoint started");
    assert!(
        stderr.contains(REFUSAL),
        "{what}: unclear message:\n{stderr}"
    );
}

#[test]
fn an_empty_database_is_refused() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let db = TestDatabase::empty();
    let output = entrypoint(&db, &idle_supervisor_config(scratch.path()))
        .output()
        .expect("run the entrypoint");
    assert_refused(&output, "empty database");
    assert!(!scratch.path().join("supervisord.log").exists());
}

#[test]
fn a_foreign_database_is_refused() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let db = TestDatabase::empty();
    db.connect()
        .batch_execute(
            "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
             INSERT INTO alembic_version VALUES ('0123456789ab');
             CREATE TABLE patient (id serial PRIMARY KEY, name text);",
        )
        .expect("make a foreign schema");
    let output = entrypoint(&db, &idle_supervisor_config(scratch.path()))
        .output()
        .expect("run the entrypoint");
    assert_refused(&output, "foreign database");
    assert!(!scratch.path().join("supervisord.log").exists());
}

#[test]
fn a_production_database_starts_supervisord() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let db = TestDatabase::empty();
    let made = Command::new(bin_dir().join("ella-cli"))
        .args(["database", "make-production", "-f"])
        .env("DB_URL", db.url().expose())
        .env("ELLA_CONFIG", testdata("fixtures/example_config.yml"))
        .env("ELLA_ROOT", repo_root())
        .stdin(Stdio::null())
        .output()
        .expect("run ella-cli");
    assert!(
        made.status.success(),
        "make-production: {}",
        String::from_utf8_lossy(&made.stderr)
    );

    let mut child = entrypoint(&db, &idle_supervisor_config(scratch.path()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the entrypoint");
    let pidfile = scratch.path().join("supervisord.pid");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !pidfile.exists() {
        if let Some(status) = child.try_wait().expect("entrypoint status") {
            panic!("the entrypoint ended ({status}) instead of starting supervisord");
        }
        assert!(Instant::now() < deadline, "supervisord did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    // exec: supervisord is the entrypoint's own process, as PID 1 is in the container.
    let pid: u32 = std::fs::read_to_string(&pidfile)
        .expect("pid file")
        .trim()
        .parse()
        .expect("a pid");
    assert_eq!(pid, child.id());
    Command::new("kill")
        .arg(pid.to_string())
        .status()
        .expect("stop supervisord");
    let status = child.wait().expect("supervisord exit");
    assert!(status.success(), "supervisord stopped with {status}");
}
