//! Bad bodies on the POST endpoints (api.md §1.2, §1.4): ELLA's status and error shape, no
//! internal detail, and nothing changed in the database.

use actix_web::test::{self, TestRequest};
use serde_json::json;

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
