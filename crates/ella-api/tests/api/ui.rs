//! The UI exception log (api.md §4.15): stored with the session if there is one, never copied to
//! the request log, bad reports refused without a row.

use actix_web::test::{init_service, TestRequest};
use serde_json::json;

use crate::common::{post_json, send, TestApi};

const PATH: &str = "/api/v1/ui/exceptionlog/";

#[actix_web::test]
async fn exceptions_are_stored_with_the_session() {
    let api = TestApi::with_fixtures();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let report = json!({"message": "TypeError: x is undefined", "location": "/overview",
                        "stacktrace": "at f (app.js:1:2)", "state": {"sample": "NA12878"}});
    let reply = post_json(&app, PATH, &report, None).await;
    assert_eq!((reply.status, reply.text().as_str()), (200, "null"));
    let reply = post_json(&app, PATH, &report, Some(&cookie)).await;
    assert_eq!(reply.status, 200);
    let without_state = json!({"message": "m", "location": "l", "stacktrace": "s"});
    assert_eq!(
        post_json(&app, PATH, &without_state, None).await.status,
        200
    );
    assert_eq!(
        api.number("SELECT count(*) AS n FROM uiexception WHERE usersession_id IS NULL"),
        2
    );
    assert_eq!(
        api.number(
            "SELECT count(*) AS n FROM uiexception WHERE usersession_id IS NOT NULL \
             AND message = 'TypeError: x is undefined' AND state->>'sample' = 'NA12878'"
        ),
        1
    );
    assert_eq!(
        api.number("SELECT count(*) AS n FROM uiexception WHERE state = '{}'::jsonb"),
        1
    );

    let bad = [
        (
            json!({"message": "m", "location": "l", "stacktrace": "s", "extra": 1}).to_string(),
            500,
        ),
        (json!({"message": "m", "location": "l"}).to_string(), 500),
        (
            json!({"message": "m", "location": "l", "stacktrace": "s", "state": []}).to_string(),
            500,
        ),
        (
            json!({"message": ["m"], "location": "l", "stacktrace": "s"}).to_string(),
            500,
        ),
        ("{\"message\": ".to_owned(), 400),
    ];
    for (body, status) in bad {
        let request = TestRequest::post()
            .uri(PATH)
            .insert_header(("Content-Type", "application/json"))
            .set_payload(body);
        let reply = send(&app, request).await;
        assert_eq!(reply.status, status, "{}", reply.text());
    }
    assert_eq!(api.number("SELECT count(*) AS n FROM uiexception"), 3);
    // The client state can hold patient data: no request body of this route is logged.
    assert_eq!(
        api.number(
            "SELECT count(*) AS n FROM resourcelog WHERE resource = '/api/v1/ui/exceptionlog/' \
             AND payload IS NULL AND payload_size = 0"
        ),
        8
    );
}
