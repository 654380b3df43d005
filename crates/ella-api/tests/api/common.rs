//! The test harness: the real application on a database of its own, loaded with ELLA's user
//! fixtures, and helpers to send requests.

use std::collections::HashMap;
use std::fmt::Write as _;

use actix_http::Request;
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header::HeaderMap;
use actix_web::test::{self, TestRequest};
use actix_web::web::{Bytes, Data};
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use ella_api::AppState;
use ella_config::Config;
use ella_deposit::analysis::deposit_analysis;
use ella_deposit::analysis_config::AnalysisConfig;
use ella_deposit::fixtures::annotationconfig::{
    deposit_annotation_config, parse_annotation_config,
};
use ella_deposit::fixtures::filterconfigs::deposit_filterconfigs;
use ella_deposit::fixtures::references::import_references;
use ella_deposit::fixtures::usergroups::import_usergroups;
use ella_deposit::fixtures::users::{import_users, PasswordHandling, UserImportOptions};
use ella_deposit::fixtures::JsonFixture;
use ella_deposit::genepanel;
use ella_test_support::{golden_analysis_folder, repo_root, testdata, TestDatabase, E2E_ANALYSES};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The password of every fixture user.
pub const DEMO_PASSWORD: &str = "demo";

/// Value of `ATTACHMENT_STORAGE` in the tests: the golden file's placeholder.
pub const ATTACHMENT_STORAGE: &str = "<ATTACHMENT_STORAGE>";

/// A database with ELLA's users and groups, and the state of an API server on it.
pub struct TestApi {
    /// The database (dropped with the test).
    pub db: TestDatabase,
    /// What the server shares between requests.
    pub state: Data<AppState>,
}

/// The four test gene panels.
const PANELS: [&str; 4] = ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"];

/// How much of the golden runs' database a test needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Contents {
    /// Panel rows without genes, groups, users and the annotation config.
    Accounts,
    /// Everything of `testdata/golden/README.md`, the e2e analyses included.
    Analyses,
}

impl TestApi {
    /// The example config (`ENABLE_CNV=true` as in the golden files), the four test gene panels
    /// (rows only: the endpoints here never look inside a panel), then `usergroups.json`,
    /// `users.json` with their stored hashes and `annotation-config.yml`, in the golden README's
    /// order. The passwords then expire in a year, so that the tests do not depend on the date.
    pub fn with_fixtures() -> Self {
        Self::load(Contents::Accounts)
    }

    /// The database of the golden runs (`testdata/golden/README.md`): the full gene panels,
    /// groups, filter configs, users, references, the annotation config and the five e2e
    /// analyses (ids 1 to 5 in [`E2E_ANALYSES`] order), each with the golden `report.txt`.
    pub fn with_analyses() -> Self {
        Self::load(Contents::Analyses)
    }

    fn load(contents: Contents) -> Self {
        let db = TestDatabase::migrated();
        let config = test_config();
        let mut conn = db.connect();
        let fixture = |name: &str| JsonFixture::read(&testdata(&format!("fixtures/{name}")));
        conn.transaction(|conn| {
            match contents {
                Contents::Accounts => {
                    diesel::sql_query(
                        "INSERT INTO genepanel (name, version, genome_reference, official, date_created)
                         VALUES ('HBOC', 'v01', 'GRCh37', true, now()),
                                ('HBOCUTV', 'v01', 'GRCh37', true, now()),
                                ('Ciliopati', 'v05', 'GRCh37', true, now()),
                                ('Mendeliome', 'v01', 'GRCh37', true, now())",
                    )
                    .execute(conn)?;
                }
                Contents::Analyses => {
                    for panel in PANELS {
                        let folder = testdata(&format!("genepanels/{panel}"));
                        let panel = genepanel::read(&genepanel::source_from_folder(&folder)?)?;
                        genepanel::deposit(conn, &panel, false)?;
                    }
                }
            }
            import_usergroups(conn, &fixture("usergroups.json")?, &[], &config)?;
            if contents == Contents::Analyses {
                deposit_filterconfigs(conn, &fixture("filterconfigs.json")?, &config)?;
            }
            let options = UserImportOptions {
                groups_filter: &[],
                passwords: PasswordHandling::StoredPasswords,
            };
            import_users(conn, &fixture("users.json")?, &options, &mut rand::rng())?;
            if contents == Contents::Analyses {
                let path = testdata("fixtures/references.json");
                let text = std::fs::read_to_string(&path).expect("references");
                import_references(conn, &text, &path)?;
            }
            let path = testdata("fixtures/annotation-config.yml");
            let text = std::fs::read_to_string(&path).expect("annotation config");
            deposit_annotation_config(conn, &parse_annotation_config(&text, &path)?, &path)?;
            if contents == Contents::Analyses {
                deposit_e2e_analyses(conn, &config)?;
            }
            Ok::<_, ella_deposit::Error>(())
        })
        .expect("load the fixtures");
        let pool = ella_db::connection::pool(db.url(), 4).expect("pool");
        let state = Data::new(AppState::new(&config, pool).expect("state"));
        let api = Self { db, state };
        api.execute(r#"UPDATE "user" SET password_expiry = now() + interval '1 year'"#);
        api
    }

    /// The state of a server on this database whose configuration `adjust` changed (file
    /// folders, limits).
    pub fn state_with(&self, adjust: impl FnOnce(&mut Config)) -> Data<AppState> {
        let mut config = test_config();
        adjust(&mut config);
        let pool = ella_db::connection::pool(self.db.url(), 4).expect("pool");
        Data::new(AppState::new(&config, pool).expect("state"))
    }

    /// A session of `username` made directly in the database (for tests of other things than
    /// the login); returns the cookie value.
    pub fn session_cookie(&self, username: &str) -> String {
        let token = format!("{:064x}", rand::random::<u128>());
        let hash = sha256_hex(&token);
        self.execute(&format!(
            r#"INSERT INTO usersession (user_id, token, issued, lastactivity, expires)
               SELECT id, '{hash}', now(), now(), now() + interval '1 day'
               FROM "user" WHERE username = '{username}'"#
        ));
        token
    }

    /// Runs `sql` on the test database.
    pub fn execute(&self, sql: &str) {
        diesel::sql_query(sql)
            .execute(&mut self.db.connect())
            .expect("run SQL");
    }

    /// The single integer that `sql` (a query with one `BigInt` column named `n`) returns.
    pub fn number(&self, sql: &str) -> i64 {
        #[derive(QueryableByName)]
        struct Number {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        diesel::sql_query(sql)
            .get_result::<Number>(&mut self.db.connect())
            .expect("query")
            .n
    }
}

/// Deposits [`E2E_ANALYSES`] from copies of their folders with the golden runs' `report.txt`
/// (and `warnings.txt` for HBOC panels), as `testdata/golden/README.md` describes.
fn deposit_e2e_analyses(
    conn: &mut PgConnection,
    config: &Config,
) -> Result<(), ella_deposit::Error> {
    let scratch = tempfile::tempdir().expect("temp dir");
    for name in E2E_ANALYSES {
        let folder = golden_analysis_folder("e2e", name, scratch.path());
        deposit_analysis(conn, &AnalysisConfig::load(&folder)?, config)?;
    }
    Ok(())
}

/// `value` with every character outside `A-Za-z0-9` percent-encoded.
pub fn encode(value: &str) -> String {
    value.bytes().fold(String::new(), |mut text, byte| {
        if byte.is_ascii_alphanumeric() {
            text.push(char::from(byte));
        } else {
            write!(text, "%{byte:02X}").expect("write to a String");
        }
        text
    })
}

/// SHA-256 of `text` as lowercase hex, as ELLA stores session tokens (api.md §2.1).
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::new(), |mut hex, byte| {
            write!(hex, "{byte:02x}").expect("write to a String");
            hex
        })
}

/// ELLA's example config as the golden files were recorded with it.
pub fn test_config() -> Config {
    let env: HashMap<&str, &str> = [
        ("ATTACHMENT_STORAGE", ATTACHMENT_STORAGE),
        ("ENABLE_CNV", "true"),
    ]
    .into();
    Config::load(
        &testdata("fixtures/example_config.yml"),
        &repo_root(),
        &|name| env.get(name).map(|value| (*value).to_owned()),
    )
    .expect("the example config loads")
}

/// A response, read in full.
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The value of header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|value| value.to_str().expect("ASCII header"))
    }

    /// Panics unless the status is `status` and the body is ELLA's `{"message": message}`.
    pub fn assert_message(&self, status: u16, message: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.json(), serde_json::json!({ "message": message }));
    }
}

/// Sends `request` to `app`.
pub async fn send<S, B>(app: &S, request: TestRequest) -> Reply
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let response = app.call(request.to_request()).await.expect("service call");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = test::read_body(response).await;
    Reply {
        status,
        headers,
        body,
    }
}

/// `GET path` with the session `cookie`, if any.
pub async fn get<S, B>(app: &S, path: &str, cookie: Option<&str>) -> Reply
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    send(app, with_cookie(TestRequest::get().uri(path), cookie)).await
}

/// `POST path` with a JSON body and the session `cookie`, if any.
pub async fn post_json<S, B>(app: &S, path: &str, body: &Value, cookie: Option<&str>) -> Reply
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    send(
        app,
        with_cookie(TestRequest::post().uri(path).set_json(body), cookie),
    )
    .await
}

fn with_cookie(request: TestRequest, cookie: Option<&str>) -> TestRequest {
    match cookie {
        Some(value) => request.insert_header(("Cookie", format!("AuthenticationToken={value}"))),
        None => request,
    }
}

/// Logs in and returns the session cookie's value.
pub async fn login<S, B>(app: &S, username: &str, password: &str) -> String
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let body = serde_json::json!({ "username": username, "password": password });
    let reply = post_json(app, "/api/v1/users/actions/login/", &body, None).await;
    assert_eq!(reply.status, 200, "login failed: {}", reply.text());
    let cookie = reply.header("set-cookie").expect("Set-Cookie");
    cookie
        .strip_prefix("AuthenticationToken=")
        .and_then(|rest| rest.split(';').next())
        .expect("cookie value")
        .to_owned()
}

/// IGV data for the tests: `IGV_DATA` is the repository's `testdata/igv-data`, `ANALYSES_PATH` a
/// temporary folder in which the HG002 analysis has a (fake) BAM track with its index.
pub struct IgvFolders {
    analyses: tempfile::TempDir,
}

/// Content of the fake BAM track.
pub const FAKE_BAM: &[u8] = b"0123456789abcdefghij";

impl IgvFolders {
    /// Makes the analyses folder.
    pub fn new() -> Self {
        let analyses = tempfile::tempdir().expect("temp dir");
        let tracks = analyses.path().join(E2E_ANALYSES[0]).join("tracks");
        std::fs::create_dir_all(&tracks).expect("tracks folder");
        std::fs::write(tracks.join("HG002.bam"), FAKE_BAM).expect("bam");
        std::fs::write(tracks.join("HG002.bai"), b"index").expect("bai");
        Self { analyses }
    }

    /// Points `config` at these folders.
    pub fn apply(&self, config: &mut Config) {
        config.folders.igv_data = Some(testdata("igv-data"));
        config.folders.analyses_path = Some(self.analyses.path().to_owned());
    }
}
