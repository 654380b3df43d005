//! Bad bodies on the POST endpoints (api.md §1.2, §1.4): ELLA's status and error shape, no
//! internal detail, and nothing changed in the database.

use actix_web::test::{self, TestRequest};
use serde_json::json;

use crate::access::{concrete, Collector};
use crate::common::{send, TestApi, DEMO_PASSWORD};

const LOGIN: &str = "/api/v1/users/actions/login/";
const CHANGE_PASSWORD: &str = "/api/v1/users/actions/changepassword/";

/// What the tables these endpoints write look like, to check that nothing changed.
fn account_state(api: &TestApi) -> [i64; 4] {
    [
        api.number("SELECT count(*) AS n FROM usersession"),
        api.number("SELECT count(*) AS n FROM useroldpassword"),
        api.number(r#"SELECT sum(incorrect_logins)::bigint AS n FROM "user""#),
        api.number(r#"SELECT count(DISTINCT password) AS n FROM "user""#),
    ]
}

fn json_request(path: &str, body: &str) -> TestRequest {
    TestRequest::post()
        .uri(path)
        .insert_header(("Content-Type", "application/json"))
        .set_payload(body.to_owned())
}

#[actix_web::test]
async fn invalid_bodies_get_ellas_errors_and_change_nothing() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let before = account_state(&api);
    let internal = |path: &'static str, body: &'static str| (json_request(path, body), 500);
    let cases = [
        // Unknown key, wrong type, missing field, null, not an object (validation: 500).
        internal(
            LOGIN,
            r#"{"username": "testuser1", "password": "demo", "remember": true}"#,
        ),
        internal(LOGIN, r#"{"username": ["testuser1"], "password": "demo"}"#),
        internal(LOGIN, r#"{"username": "testuser1"}"#),
        internal(LOGIN, r#"{"username": null, "password": "demo"}"#),
        internal(LOGIN, r#"["testuser1", "demo"]"#),
        internal(
            CHANGE_PASSWORD,
            r#"{"username": "testuser1", "password": "demo", "new_password": "Str0ng!pass", "x": 1}"#,
        ),
        internal(
            CHANGE_PASSWORD,
            r#"{"username": "testuser1", "password": "demo"}"#,
        ),
        internal(
            CHANGE_PASSWORD,
            r#"{"username": "testuser1", "password": "demo", "new_password": {"a": 1}}"#,
        ),
        // A body that is not declared JSON counts as `null`.
        (
            TestRequest::post()
                .uri(LOGIN)
                .insert_header(("Content-Type", "text/plain"))
                .set_payload(r#"{"username": "testuser1", "password": "demo"}"#),
            500,
        ),
        // Invalid JSON: 400.
        (json_request(LOGIN, r#"{"username": "testuser1", "#), 400),
        (json_request(CHANGE_PASSWORD, ""), 400),
        // Over the size limit: 413.
        (
            TestRequest::post()
                .uri(LOGIN)
                .insert_header(("Content-Type", "application/json"))
                .set_payload(vec![b' '; 17 * 1024 * 1024]),
            413,
        ),
    ];
    let count = cases.len();
    for (index, (request, status)) in cases.into_iter().enumerate() {
        let reply = send(&app, request).await;
        assert_eq!(reply.status, status, "case {index}: {}", reply.text());
        let message = match status {
            400 => "The browser (or proxy) sent a request that this server could not understand.",
            413 => "The data value transmitted exceeds the capacity limit.",
            _ => "Internal Server Error",
        };
        reply.assert_message(status, message);
        assert_eq!(
            reply.header("cache-control"),
            Some("no-store, no-cache, must-revalidate, post-check=0, pre-check=0")
        );
    }
    assert_eq!(account_state(&api), before);
    // Every request is logged, none with its body.
    let logged = api.number("SELECT count(*) AS n FROM resourcelog WHERE payload IS NULL");
    assert_eq!(logged, i64::try_from(count).unwrap());
}

#[actix_web::test]
async fn scalars_are_coerced_as_pydantic_does() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let reply = send(
        &app,
        json_request(LOGIN, r#"{"username": 12, "password": "demo"}"#),
    )
    .await;
    reply.assert_message(401, "Invalid username 12");
    let reply = send(
        &app,
        json_request(LOGIN, r#"{"username": "testuser1", "password": 1234}"#),
    )
    .await;
    reply.assert_message(401, "Invalid credentials");
    let body = json!({"username": "testuser1", "password": DEMO_PASSWORD}).to_string();
    let reply = send(
        &app,
        json_request(LOGIN, &body)
            .insert_header(("Content-Type", "application/json; charset=UTF-8")),
    )
    .await;
    assert_eq!(reply.status, 200);
}

/// Row counts of every table, except the request log and the sessions, which every request touches.
fn table_counts(api: &TestApi) -> Vec<(String, i64)> {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sql = "SELECT table_name::text AS name,
            (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name),
                false, true, '')))[1]::text::bigint AS n
        FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            AND table_name NOT IN ('resourcelog', 'usersession')
        ORDER BY table_name";
    diesel::RunQueryDsl::load::<Count>(diesel::sql_query(sql), &mut api.db.connect())
        .expect("count rows")
        .into_iter()
        .map(|count| (count.name, count.n))
        .collect()
}

/// What an error message must never show (api.md §1.4: no internal detail).
const INTERNAL_DETAIL: [&str; 8] = [
    "diesel",
    "panicked",
    "SELECT",
    "INSERT",
    "relation",
    "src/",
    ".rs:",
    "backtrace",
];

/// Every POST route of the route table, with bodies that are invalid JSON, of the wrong shape,
/// with unknown keys, with wrong types, and too large: never a success, always ELLA's error shape
/// without internal detail, and no table changes.
#[actix_web::test]
async fn every_post_route_refuses_bad_bodies_and_changes_nothing() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let mut routes = Collector::default();
    ella_api::route_table(&mut routes);
    let posts: Vec<&str> = routes
        .0
        .iter()
        .filter(|(method, _)| *method == actix_web::http::Method::POST)
        // Logout takes no body: any request ends the session (api.md §2.6).
        .filter(|(_, path)| *path != "/users/actions/logout/")
        .map(|(_, path)| *path)
        .collect();
    assert!(posts.len() > 5, "{posts:?}");
    let huge = format!(r#"{{"text": "{}"}}"#, "x".repeat(17 << 20));
    let bodies: [&str; 8] = [
        r#"{"username": "#,
        "[]",
        "null",
        r#""text""#,
        r#"{"no_such_key_anywhere": 1}"#,
        r#"{"id": {"nested": [1, 2]}, "name": 7, "date": false}"#,
        "{}",
        &huge,
    ];
    let before = table_counts(&api);
    for path in posts {
        let uri = concrete(path);
        for body in bodies {
            let cookie = api.session_cookie("testuser1");
            let request = json_request(&uri, body)
                .insert_header(("Cookie", format!("AuthenticationToken={cookie}")));
            let reply = send(&app, request).await;
            let shown = &body[..body.len().min(60)];
            assert!(
                reply.status >= 400,
                "POST {uri} with {shown}: {} {}",
                reply.status,
                reply.text()
            );
            let json = reply.json();
            let message = json["message"].as_str().unwrap_or_else(|| {
                panic!("POST {uri} with {shown}: not ELLA's error shape: {json}")
            });
            assert_eq!(
                json.as_object().map(serde_json::Map::len),
                Some(1),
                "{json}"
            );
            for detail in INTERNAL_DETAIL {
                assert!(
                    !message.contains(detail),
                    "POST {uri} with {shown}: internal detail in {message:?}"
                );
            }
        }
    }
    assert_eq!(
        table_counts(&api),
        before,
        "a refused request changed a table"
    );
}
