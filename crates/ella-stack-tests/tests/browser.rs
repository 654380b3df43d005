//! The web UI end to end in a real browser: the stack of `full_stack.rs` (nginx, supervisord,
//! the built API) with the demo data and the e2e analyses, the UI's production build, and
//! `web/e2e/run.mjs` driving Debian's Chromium through `playwright-core` (scenarios in
//! `web/e2e/README.md`). Screenshots go to `<target>/e2e-artifacts/`.
//!
//! Before the browser runs, the error answers the UI relies on are checked at the HTTP level:
//! nginx answers 503 in ELLA's JSON error shape while the API is down, and the API's own 500 passes
//! through nginx unchanged.

use diesel::prelude::*;
use ella_stack_tests::demo_data::DemoData;
use ella_stack_tests::http::{http_with_cookie, Response};
use ella_stack_tests::stack::{Stack, StackOptions};
use ella_stack_tests::web_ui;
use serde_json::Value;

/// The fixture user whose password the test lets expire (testgroup01, like testuser1).
const EXPIRED_USER: &str = "testuser3";

/// The JSON `{"message": ...}` of an error response, checked to be ELLA's error shape.
fn error_message(response: &Response) -> String {
    assert!(
        response
            .header("content-type")
            .is_some_and(|value| value.starts_with("application/json")),
        "{:?}",
        response.headers
    );
    let body: Value = serde_json::from_str(&response.body)
        .unwrap_or_else(|error| panic!("{error}: {}", response.body));
    let object = body.as_object().expect("a JSON object");
    assert_eq!(object.len(), 1, "{body}");
    object["message"].as_str().expect("a message").to_owned()
}

/// nginx answers for the stopped API with a JSON 503; the UI is still served.
fn api_down_is_a_json_503(stack: &Stack) {
    let stop = stack.supervisorctl(&["stop", "api"]);
    assert!(stop.status.success(), "{stop:?}");
    stack.wait_until("the api to stop", 30, || {
        stack.state("api").as_deref() == Some("STOPPED")
    });
    for (method, path, body) in [
        ("GET", "/api/v1/config/", None),
        ("GET", "/api/v1/analyses/", None),
        (
            "POST",
            "/api/v1/users/actions/login/",
            Some(r#"{"username": "testuser1", "password": "demo"}"#),
        ),
    ] {
        let response = stack.request(method, path, body);
        assert_eq!(response.status, 503, "{method} {path}: {}", response.body);
        let message = error_message(&response);
        assert!(message.contains("not available"), "{message}");
    }
    let index = stack.request("GET", "/overview/analyses", None);
    assert_eq!(index.status, 200);
    let start = stack.supervisorctl(&["start", "api"]);
    assert!(start.status.success(), "{start:?}");
    stack.wait_until("the api to answer again", 60, || stack.api_answers());
}

/// An error the API answers itself (ELLA's 500 for an analysis that does not exist) is passed
/// through nginx unchanged.
fn api_errors_pass_through(stack: &Stack) {
    let session = stack.login("testuser1", "demo");
    let response = http_with_cookie(
        stack.port(),
        "GET",
        "/api/v1/analyses/999999/",
        None,
        Some(&session),
    )
    .expect("GET /api/v1/analyses/999999/");
    assert_eq!(response.status, 500, "{}", response.body);
    assert_eq!(error_message(&response), "Internal Server Error");
}

#[test]
fn the_web_ui_works_in_chromium_against_the_full_stack() {
    web_ui::require_browser_tools();
    let ui = web_ui::production_build();
    let stack = Stack::start(StackOptions {
        demo: DemoData::FixturesAndE2eAnalyses,
        ui_root: Some(ui),
    });
    stack.wait_until_ready();

    api_down_is_a_json_503(&stack);
    api_errors_pass_through(&stack);

    diesel::sql_query(
        r#"UPDATE "user" SET password_expiry = now() - interval '1 day' WHERE username = $1"#,
    )
    .bind::<diesel::sql_types::Text, _>(EXPIRED_USER)
    .execute(&mut stack.db().connect())
    .expect("let the password expire");

    eprintln!(
        "browser test artifacts: {}",
        web_ui::artifacts_dir().display()
    );
    let status = web_ui::run_node_script(
        &stack,
        "run.mjs",
        &[("ELLA_E2E_EXPIRED_USER", EXPIRED_USER)],
    );
    assert!(
        status.success(),
        "web/e2e/run.mjs: {status}\n{}",
        stack.logs()
    );
}
