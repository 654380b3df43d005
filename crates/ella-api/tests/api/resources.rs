//! The user, configuration and broadcast resources (api.md §4.1, §4.2) and the routing
//! conventions (api.md §1.1).

use actix_web::test::{self, TestRequest};
use serde_json::{json, Value};

use crate::common::{encode, get, send, TestApi};

fn usernames(reply: &Value) -> Vec<&str> {
    reply
        .as_array()
        .expect("a list")
        .iter()
        .map(|user| user["username"].as_str().expect("username"))
        .collect()
}

#[actix_web::test]
async fn users_are_listed_for_the_callers_group() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let list = |query: String| {
        let (app, cookie) = (&app, cookie.clone());
        async move { get(app, &format!("/api/v1/users/?{query}"), Some(&cookie)).await }
    };
    let all = list(String::new()).await;
    assert_eq!(all.status, 200);
    assert_eq!(
        usernames(&all.json()),
        ["testuser1", "testuser2", "testuser3"]
    );
    assert_eq!(all.header("Total-Count"), Some("3"));
    assert_eq!(all.header("Per-Page"), Some("10000"));
    let first = &all.json()[0];
    assert_eq!(first["group"]["name"], "testgroup01");
    assert!(first["group"].get("import_groups").is_none());
    assert!(first.get("user_group_name").is_none());

    // The group is always the caller's.
    let other_group = list(format!("q={}", encode(r#"{"group_id": 2}"#))).await;
    assert_eq!(usernames(&other_group.json()).len(), 3);
    let one = list(format!(
        "q={}",
        encode(r#"{"username": {"$ilike": "%USER2"}}"#)
    ))
    .await;
    assert_eq!(usernames(&one.json()), ["testuser2"]);
    let by_id = list(format!("q={}", encode(r#"{"id": ["1", 3]}"#))).await;
    assert_eq!(usernames(&by_id.json()), ["testuser1", "testuser3"]);
    let nothing = list(format!("q={}", encode(r#"{"id": []}"#))).await;
    assert_eq!(nothing.json(), json!([]));
    assert_eq!(nothing.header("Total-Count"), Some("0"));

    let page = list("page=2&per_page=2".into()).await;
    assert_eq!(usernames(&page.json()), ["testuser3"]);
    assert_eq!(page.header("Total-Pages"), Some("2"));
    assert_eq!(page.header("Page"), Some("2"));

    for bad in [
        format!("q={}", encode(r#"{"password": {"$like": "$2b%"}}"#)),
        format!("q={}", encode(r#"{"id": {"$regex": 1}}"#)),
        format!("q={}", encode(r#"{"id": "one"}"#)),
        "q=%7B".into(),
        "page=x".into(),
    ] {
        list(bad).await.assert_message(500, "Internal Server Error");
    }
    assert_eq!(get(&app, "/api/v1/users/", None).await.status, 403);
}

#[actix_web::test]
async fn a_single_user_needs_a_session() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    assert_eq!(get(&app, "/api/v1/users/4/", None).await.status, 403);
    let cookie = api.session_cookie("testuser1");
    let user = get(&app, "/api/v1/users/4/", Some(&cookie)).await.json();
    assert_eq!(user["username"], "testuser4");
    assert_eq!(user["abbrev_name"], "A. L. Kielland");
    assert_eq!(
        user["group"]["default_import_genepanel"]["name"],
        "Mendeliome"
    );
    get(&app, "/api/v1/users/999/", Some(&cookie))
        .await
        .assert_message(500, "Internal Server Error");
    let not_a_route = get(&app, "/api/v1/users/abc/", Some(&cookie)).await;
    assert_eq!(
        (not_a_route.status, not_a_route.text()),
        (400, "Bad request".into())
    );
}

#[actix_web::test]
async fn annotation_configs_by_id() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let path = "/api/v1/annotationconfigs/?annotation_config_ids=2,%201";
    assert_eq!(get(&app, path, None).await.status, 403);
    let configs = get(&app, path, Some(&cookie)).await.json();
    let ids: Vec<&Value> = configs
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["id"])
        .collect();
    assert_eq!(ids, [&json!(1), &json!(2)]);
    assert!(configs[1]["view"].is_array());
    assert_eq!(configs[1].as_object().unwrap().len(), 2, "only id and view");
    for bad in [
        "",
        "?annotation_config_ids=99",
        "?annotation_config_ids=2,2",
        "?annotation_config_ids=1,,2",
    ] {
        get(
            &app,
            &format!("/api/v1/annotationconfigs/{bad}"),
            Some(&cookie),
        )
        .await
        .assert_message(500, "Internal Server Error");
    }
}

#[actix_web::test]
async fn broadcasts_with_the_password_notice() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    api.execute(
        "INSERT INTO broadcast (date_created, message, active) VALUES
            ('2024-02-01 10:00:00+00', 'second', true),
            ('2024-01-01 10:00:00+00', 'first', true),
            ('2024-03-01 10:00:00+00', 'hidden', false)",
    );
    let anonymous = get(&app, "/api/v1/broadcasts/", None).await.json();
    assert_eq!(
        anonymous,
        json!([
            {"id": 2, "date": "2024-01-01T10:00:00+00:00", "message": "first"},
            {"id": 1, "date": "2024-02-01T10:00:00+00:00", "message": "second"},
        ])
    );
    api.execute(
        r#"UPDATE "user" SET password_expiry = now() + interval '3 days 1 hour'
           WHERE username = 'testuser1'"#,
    );
    let cookie = api.session_cookie("testuser1");
    let messages = get(&app, "/api/v1/broadcasts/", Some(&cookie)).await.json();
    assert_eq!(messages.as_array().unwrap().len(), 3);
    assert_eq!(messages[0]["id"].as_str().map(str::len), Some(32));
    assert_eq!(
        messages[0]["message"],
        "Your password will expire in 3 day(s). You may change it at any time by logging out \
         and using \"Change password\""
    );
}

#[actix_web::test]
async fn routing_conventions() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    // Both forms of a path are answered directly.
    for path in ["/api/v1/users/currentuser/", "/api/v1/users/currentuser"] {
        let reply = get(&app, path, Some(&cookie)).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            reply.header("cache-control"),
            Some("no-store, no-cache, must-revalidate, post-check=0, pre-check=0")
        );
    }
    send(&app, TestRequest::delete().uri("/api/v1/users/"))
        .await
        .assert_message(405, "The method is not allowed for the requested URL.");
    let options = send(
        &app,
        TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri("/api/v1/config"),
    )
    .await;
    assert_eq!(options.status, 200);
    assert_eq!(options.header("allow"), Some("GET, HEAD, OPTIONS"));
    let head = send(
        &app,
        TestRequest::default()
            .method(actix_web::http::Method::HEAD)
            .uri("/api/v1/config/"),
    )
    .await;
    assert_eq!(head.status, 200);
    let unknown = get(&app, "/api/v1/nothing/here/", None).await;
    assert_eq!(
        (unknown.status, unknown.text()),
        (400, "Bad request".into())
    );
    send(&app, TestRequest::post().uri("/api/v1/nothing/"))
        .await
        .assert_message(405, "The method is not allowed for the requested URL.");
    let specs = get(&app, "/api/v1/specs/", None).await.json();
    assert!(specs["openapi"].as_str().unwrap().starts_with("3."));
    assert!(specs["paths"]["/api/v1/users/actions/login/"]["post"].is_object());
}
