//! Runs the real `ella-cli` binary against a test database.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use ella_test_support::{repo_root, testdata, TestDatabase};

/// The result of one command.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Panics with the command's output unless it succeeded.
    pub fn assert_ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Panics unless the command failed (exit 1) with `text` in its error output.
    pub fn assert_fails_with(self, text: &str) -> Self {
        assert_eq!(
            self.code, 1,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.contains(text),
            "expected {text:?} in stderr:\n{}",
            self.stderr
        );
        self
    }
}

/// Runs `ella-cli args` with `DB_URL` of `db`, ELLA's example config and `stdin` as input.
pub fn ella_cli_with_input(db: &TestDatabase, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ella-cli"))
        .args(args)
        .env("DB_URL", db.url().expose())
        .env("ELLA_CONFIG", testdata("fixtures/example_config.yml"))
        .env("ELLA_ROOT", repo_root())
        .env("USER", "tester")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ella-cli");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("run ella-cli");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs `ella-cli args` with no input.
pub fn ella_cli(db: &TestDatabase, args: &[&str]) -> Run {
    ella_cli_with_input(db, args, "")
}

/// A path under `testdata/` as a string argument.
pub fn data(relative: &str) -> String {
    testdata(relative).to_string_lossy().into_owned()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Row count of `table` (name or quoted name).
pub fn count(db: &TestDatabase, table: &str) -> i64 {
    diesel::sql_query(format!("SELECT count(*) AS count FROM {table}"))
        .get_result::<Count>(&mut db.connect())
        .expect("count rows")
        .count
}

/// Row counts of the tables the fixtures fill, for "nothing changed" checks.
pub fn fixture_counts(db: &TestDatabase) -> Vec<(&'static str, i64)> {
    [
        "gene",
        "transcript",
        "phenotype",
        "genepanel",
        "genepanel_transcript",
        "genepanel_phenotype",
        "usergroup",
        "\"user\"",
        "usergroupgenepanel",
        "filterconfig",
        "usergroupfilterconfig",
        "reference",
        "annotationconfig",
    ]
    .into_iter()
    .map(|table| (table, count(db, table)))
    .collect()
}

/// Loads the demo data as `scripts/load-demo-data` does, through the binary.
pub fn load_demo_data(db: &TestDatabase) {
    ella_cli(
        db,
        &[
            "--reason",
            "demo",
            "annotationconfig",
            "update",
            &data("fixtures/annotation-config.yml"),
        ],
    )
    .assert_ok();
    for panel in ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"] {
        let folder = data(&format!("genepanels/{panel}"));
        ella_cli(db, &["deposit", "genepanel", "--folder", &folder]).assert_ok();
    }
    ella_cli(
        db,
        &["users", "add_groups", &data("fixtures/usergroups.json")],
    )
    .assert_ok();
    let users = data("fixtures/users.json");
    ella_cli(db, &["users", "add_many", "--keep-passwords", &users]).assert_ok();
    let filterconfigs = data("fixtures/filterconfigs.json");
    ella_cli(
        db,
        &[
            "--reason",
            "demo",
            "filterconfigs",
            "update",
            &filterconfigs,
        ],
    )
    .assert_ok();
    let references = data("fixtures/references.json");
    ella_cli(db, &["deposit", "references", &references]).assert_ok();
}
