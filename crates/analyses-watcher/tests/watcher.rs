//! The real `analyses-watcher` binary against a real database and real folders.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};
use ella_test_support::{copy_dir, repo_root, testdata, TestDatabase};

/// The watcher test folder needs the panel `HBOC` `v1.0.0`: the HBOC files under that name.
fn database_with_hboc_panel() -> TestDatabase {
    let db = TestDatabase::migrated();
    let folder = testdata("genepanels/HBOC_v01");
    let source = ella_deposit::genepanel::source_from_files(
        "HBOC",
        "v1.0.0",
        &folder.join("HBOC_v01_genes_transcripts.tsv"),
        &folder.join("HBOC_v01_phenotypes.tsv"),
    )
    .expect("panel files");
    let panel = ella_deposit::genepanel::read(&source).expect("panel");
    ella_deposit::genepanel::deposit(&mut db.connect(), &panel, false).expect("deposit panel");
    db
}

struct Folders {
    _root: tempfile::TempDir,
    incoming: PathBuf,
    dest: PathBuf,
}

impl Folders {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("temp dir");
        let incoming = root.path().join("incoming");
        let dest = root.path().join("imported");
        std::fs::create_dir(&incoming).expect("incoming");
        std::fs::create_dir(&dest).expect("dest");
        Self {
            _root: root,
            incoming,
            dest,
        }
    }

    /// Copies a test analysis folder into `incoming` under `name`, with or without `READY`.
    fn add(&self, source: &Path, name: &str, ready: bool) -> PathBuf {
        let target = self.incoming.join(name);
        copy_dir(source, &target);
        let marker = target.join("READY");
        if ready {
            std::fs::write(&marker, b"").expect("READY");
        } else if marker.exists() {
            std::fs::remove_file(&marker).expect("remove READY");
        }
        target
    }
}

/// The analysis named `folder` with its `.analysis` renamed so that the folder name is its name.
fn watcher_analysis(folders: &Folders, name: &str, ready: bool) -> PathBuf {
    let target = folders.add(&testdata("watcher/analyses/TestAnalysis-001"), name, ready);
    let analysis = target.join("TestAnalysis-001.analysis");
    let text = std::fs::read_to_string(&analysis)
        .expect("analysis file")
        .replace("TestAnalysis-001", name);
    std::fs::write(target.join(format!("{name}.analysis")), text).expect("write analysis");
    std::fs::remove_file(analysis).expect("remove old analysis");
    for suffix in ["vcf", "ped"] {
        std::fs::rename(
            target.join(format!("TestAnalysis-001.{suffix}")),
            target.join(format!("{name}.{suffix}")),
        )
        .expect("rename file");
    }
    target
}

fn start_watcher(db: &TestDatabase, folders: &Folders) -> Child {
    Command::new(env!("CARGO_BIN_EXE_analyses-watcher"))
        .args(["--poll-interval", "1"])
        .env("ANALYSES_INCOMING", &folders.incoming)
        .env("ANALYSES_PATH", &folders.dest)
        .env("DB_URL", db.url().expose())
        .env("ELLA_CONFIG", testdata("fixtures/example_config.yml"))
        .env("ELLA_ROOT", repo_root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the watcher")
}

/// Sends SIGTERM and returns the exit status and the log.
fn stop(mut watcher: Child) -> (Option<i32>, String) {
    Command::new("kill")
        .args(["-TERM", &watcher.id().to_string()])
        .status()
        .expect("kill -TERM");
    watcher.wait_with_output_timeout()
}

trait WaitWithTimeout {
    fn wait_with_output_timeout(&mut self) -> (Option<i32>, String);
}

impl WaitWithTimeout for Child {
    fn wait_with_output_timeout(&mut self) -> (Option<i32>, String) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.try_wait().expect("wait") {
                let mut log = String::new();
                if let Some(mut stderr) = self.stderr.take() {
                    std::io::Read::read_to_string(&mut stderr, &mut log).expect("read log");
                }
                return (status.code(), log);
            }
            assert!(Instant::now() < deadline, "the watcher did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn wait_until(what: &str, condition: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_mins(1);
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

fn count(db: &TestDatabase, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Count>(&mut db.connect())
        .expect("count")
        .count
}

fn imported_rows(db: &TestDatabase) -> [i64; 4] {
    ["analysis", "sample", "genotype", "allele"]
        .map(|table| count(db, &format!("SELECT count(*) AS count FROM {table}")))
}

#[test]
fn a_ready_folder_is_imported_and_moved_and_sigterm_stops_cleanly() {
    let db = database_with_hboc_panel();
    let folders = Folders::new();
    folders.add(
        &testdata("watcher/analyses/TestAnalysis-001"),
        "TestAnalysis-001",
        true,
    );
    let not_ready = watcher_analysis(&folders, "TestAnalysis-002", false);
    let watcher = start_watcher(&db, &folders);
    wait_until("the import", || {
        folders.dest.join("TestAnalysis-001").is_dir()
    });
    assert!(!folders.incoming.join("TestAnalysis-001").exists());
    assert_eq!(
        count(
            &db,
            "SELECT count(*) AS count FROM analysis WHERE name = 'TestAnalysis-001'"
        ),
        1
    );
    std::thread::sleep(Duration::from_secs(2));
    let (code, log) = stop(watcher);
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains("Analysis TestAnalysis-001 successfully imported!"),
        "{log}"
    );
    assert!(not_ready.is_dir(), "a folder without READY is left alone");
    assert_eq!(count(&db, "SELECT count(*) AS count FROM analysis"), 1);
}

#[test]
fn a_failing_folder_stays_with_its_error_and_is_not_retried() {
    let db = database_with_hboc_panel();
    let folders = Folders::new();
    let failing = folders.add(
        &testdata("watcher/analysis_with_error/TestAnalysis-003"),
        "TestAnalysis-003",
        true,
    );
    let before = imported_rows(&db);
    let watcher = start_watcher(&db, &folders);
    let error_file = folders.incoming.join("TestAnalysis-003.import-error.txt");
    wait_until("the error file", || error_file.is_file());
    std::thread::sleep(Duration::from_secs(3));
    let (code, log) = stop(watcher);
    assert_eq!(code, Some(0));
    assert!(failing.is_dir(), "the folder stays in incoming");
    assert!(std::fs::read_to_string(&error_file)
        .unwrap()
        .contains("TestAnalysis-003"));
    assert_eq!(
        log.matches("An exception occured while importing").count(),
        1,
        "{log}"
    );
    assert_eq!(imported_rows(&db), before, "nothing was written");
}

#[test]
fn killing_the_watcher_during_an_import_leaves_no_partial_analysis() {
    let db = database_with_hboc_panel();
    let folders = Folders::new();
    let folder = folders.add(
        &testdata("watcher/analyses/TestAnalysis-001"),
        "TestAnalysis-001",
        true,
    );
    // Hold a lock that the import needs, so the watcher is caught in the middle of it.
    let mut blocker = db.connect();
    blocker
        .batch_execute("BEGIN; LOCK TABLE genotype IN ACCESS EXCLUSIVE MODE;")
        .unwrap();
    let mut watcher = start_watcher(&db, &folders);
    wait_until("the import to wait for the lock", || {
        #[derive(QueryableByName)]
        struct Waiting {
            #[diesel(sql_type = Bool)]
            waiting: bool,
        }
        diesel::sql_query(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock') AS waiting",
        )
        .get_result::<Waiting>(&mut db.connect())
        .unwrap()
        .waiting
    });
    watcher.kill().unwrap();
    watcher.wait().unwrap();
    blocker.batch_execute("ROLLBACK").unwrap();
    wait_until("the aborted transaction to end", || {
        count(
            &db,
            "SELECT count(*) AS count FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
        ) == 0
    });
    assert_eq!(imported_rows(&db), [0, 0, 0, 0]);
    assert!(folder.is_dir(), "the folder is still waiting in incoming");
    assert!(!folders.dest.join("TestAnalysis-001").exists());
}

#[test]
fn two_watchers_import_each_folder_once() {
    let db = database_with_hboc_panel();
    let folders = Folders::new();
    let names: Vec<String> = (1..=4).map(|n| format!("Watched-{n:03}")).collect();
    for name in &names {
        watcher_analysis(&folders, name, true);
    }
    let first = start_watcher(&db, &folders);
    let second = start_watcher(&db, &folders);
    wait_until("all imports", || {
        names.iter().all(|name| folders.dest.join(name).is_dir())
    });
    let (_, first_log) = stop(first);
    let (_, second_log) = stop(second);
    assert_eq!(count(&db, "SELECT count(*) AS count FROM analysis"), 4);
    let log = first_log + &second_log;
    assert_eq!(log.matches("successfully imported!").count(), 4, "{log}");
    assert!(!log.contains("An exception occured"), "{log}");
    let leftovers = std::fs::read_dir(&folders.incoming).unwrap().count();
    assert_eq!(leftovers, 0);
}
