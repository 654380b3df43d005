//! Test harness shared by the crates' integration tests.
//!
//! Each test gets its own PostgreSQL database, `CREATE DATABASE ... TEMPLATE` of a template that
//! is migrated and refreshed once (under an advisory lock, so parallel test processes build it
//! only once). The database is dropped when the [`TestDatabase`] goes out of scope.
//!
//! Environment: `TEST_DATABASE_URL` points at the server's maintenance database (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). `scripts/test` drops stale templates and
//! leftovers of crashed runs before it starts the tests.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use ella_config::{Config, DatabaseUrl};

/// Default server of the tests: the machine's PostgreSQL with trust authentication.
const DEFAULT_SERVER_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Prefix of every per-test database (swept by `scripts/test`).
pub const TEST_DATABASE_PREFIX: &str = "ella_test_";

/// Lock id that serialises template creation across test processes.
const TEMPLATE_LOCK_ID: i64 = 0x0e11_a7e5;

/// The repository root (where `testdata/` and `migrations/` live).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the crate lives in crates/<name>")
        .to_path_buf()
}

/// A file under the repository's `testdata/`.
pub fn testdata(relative: &str) -> PathBuf {
    repo_root().join("testdata").join(relative)
}

/// ELLA's example application config from the test data, loaded like a process would load it.
pub fn example_config() -> Config {
    Config::load(
        &testdata("fixtures/example_config.yml"),
        &repo_root(),
        &|name| std::env::var(name).ok(),
    )
    .expect("the example config is valid")
}

/// The e2e analyses in the order of `testdata/golden/README.md` (the order fixes every id: the
/// analyses and their interpretations get the ids 1 to 5 in this order).
pub const E2E_ANALYSES: [&str; 5] = [
    "HG002-Trio.Mendeliome_v01",
    "brca_e2e_test01.HBOCUTV_v01",
    "brca_e2e_test02.HBOCUTV_v01",
    "brca_e2e_test03.HBOCUTV_v01",
    "brca_e2e_test04.HBOCUTV_v01",
];

/// A copy under `scratch` of the analysis folder `testdata/analyses/<group>/<name>`, with the
/// golden runs' `report.txt` (and `warnings.txt` for HBOC panels), as
/// `testdata/golden/README.md` describes.
pub fn golden_analysis_folder(group: &str, name: &str, scratch: &Path) -> PathBuf {
    let folder = scratch.join(name);
    copy_dir(&testdata(&format!("analyses/{group}/{name}")), &folder);
    std::fs::copy(testdata("golden/report.txt"), folder.join("report.txt")).expect("report.txt");
    if name.contains(".HBOC_") {
        std::fs::copy(testdata("golden/warnings.txt"), folder.join("warnings.txt"))
            .expect("warnings.txt");
    }
    folder
}

/// Copies the folder `from` with everything in it to `to` (test analysis folders).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let path = entry.expect("folder entry").path();
        let target = to.join(path.file_name().expect("file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy file");
        }
    }
}

fn server_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_SERVER_URL.to_owned())
}

/// `server_url` with its database name replaced by `database`.
fn url_for(database: &str) -> String {
    let server = server_url();
    let base = server
        .rsplit_once('/')
        .map_or(server.as_str(), |(base, _)| base);
    format!("{base}/{database}")
}

/// Name of the template: it changes whenever the migrations or the harness version change, so a
/// template built from older migrations is never reused.
fn template_name() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut files: Vec<PathBuf> = walk(&repo_root().join("migrations"));
    files.sort();
    for file in files {
        feed(file.to_string_lossy().as_bytes());
        feed(&std::fs::read(&file).expect("migration files are readable"));
    }
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    format!("ella_template_{hash:016x}")
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("migrations directory exists") {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

fn ensure_template(server: &mut PgConnection, name: &str) {
    server
        .batch_execute(&format!("SELECT pg_advisory_lock({TEMPLATE_LOCK_ID})"))
        .expect("advisory lock");
    let exists: Exists =
        diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
            .bind::<diesel::sql_types::Text, _>(name)
            .get_result(server)
            .expect("query pg_database");
    if !exists.exists {
        let building = format!("{name}_building");
        for statement in [
            format!("DROP DATABASE IF EXISTS {building}"),
            format!("CREATE DATABASE {building}"),
        ] {
            server
                .batch_execute(&statement)
                .expect("create template database");
        }
        let mut conn = PgConnection::establish(&url_for(&building)).expect("connect to template");
        ella_db::migrations::run_pending_migrations(&mut conn).expect("migrate template");
        let config = example_config();
        conn.transaction(|conn| {
            ella_db::refresh::refresh(conn, &config.settings.frequencies.groups)
        })
        .expect("refresh template");
        drop(conn);
        for statement in [
            format!("ALTER DATABASE {building} RENAME TO {name}"),
            format!("ALTER DATABASE {name} WITH IS_TEMPLATE true"),
        ] {
            server.batch_execute(&statement).expect("mark template");
        }
    }
    server
        .batch_execute(&format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK_ID})"))
        .expect("advisory unlock");
}

/// A database of its own for one test, dropped at the end of the test.
pub struct TestDatabase {
    name: String,
    url: DatabaseUrl,
}

impl TestDatabase {
    /// A migrated and refreshed database (what `make-production` gives, minus fixtures).
    pub fn migrated() -> Self {
        let mut server = PgConnection::establish(&server_url()).expect("connect to test server");
        let template = template_name();
        ensure_template(&mut server, &template);
        Self::create(&mut server, &format!("TEMPLATE {template}"))
    }

    /// An empty database, for tests of schema creation.
    pub fn empty() -> Self {
        let mut server = PgConnection::establish(&server_url()).expect("connect to test server");
        Self::create(&mut server, "")
    }

    fn create(server: &mut PgConnection, options: &str) -> Self {
        let name = format!("{TEST_DATABASE_PREFIX}{:016x}", rand::random::<u64>());
        server
            .batch_execute(&format!("CREATE DATABASE {name} {options}"))
            .expect("create test database");
        let url = DatabaseUrl::new(url_for(&name));
        Self { name, url }
    }

    /// The connection URL, e.g. for `DB_URL` of a command under test.
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// A new connection to this database.
    pub fn connect(&self) -> PgConnection {
        ella_db::connect(&self.url).expect("connect to test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut server) = PgConnection::establish(&server_url()) {
            let _ = server.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}
