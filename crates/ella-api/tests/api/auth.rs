//! Sessions and accounts (api.md §2): login, the cookie, session resolution, logout and
//! password changes.

use actix_web::test::{self, TestRequest};
use serde_json::json;

use crate::common::{get, login, post_json, send, sha256_hex, TestApi, DEMO_PASSWORD};

const LOGIN: &str = "/api/v1/users/actions/login/";
const LOGOUT: &str = "/api/v1/users/actions/logout/";
const CHANGE_PASSWORD: &str = "/api/v1/users/actions/changepassword/";
const CURRENT_USER: &str = "/api/v1/users/currentuser/";

#[actix_web::test]
async fn login_sets_the_session_cookie() {
    let api = TestApi::with_fixtures();
    api.execute(r#"UPDATE "user" SET password_expiry = '2027-03-30 15:03:01.396863+00'"#);
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let body = json!({"username": "testuser1", "password": DEMO_PASSWORD});
    let reply = post_json(&app, LOGIN, &body, None).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.is_empty());
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let cookie = reply.header("set-cookie").expect("Set-Cookie");
    let (token, attributes) = cookie
        .strip_prefix("AuthenticationToken=")
        .and_then(|rest| rest.split_once("; "))
        .expect("cookie");
    assert_eq!(
        attributes,
        "Expires=Tue, 30-Mar-2027 15:03:01 GMT; HttpOnly; Path=/"
    );
    assert_eq!(token.len(), 64);
    assert!(token.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    // Only the hash is stored; the session lasts until the password expires (api.md §2.1).
    let stored = api.number(&format!(
        "SELECT count(*) AS n FROM usersession s JOIN \"user\" u ON u.id = s.user_id
         WHERE s.token = '{}' AND s.expires = u.password_expiry AND s.logged_out IS NULL
           AND u.username = 'testuser1'",
        sha256_hex(token)
    ));
    assert_eq!(stored, 1);
    assert_eq!(get(&app, CURRENT_USER, Some(token)).await.status, 200);
    // The request log keeps no password (api.md §2.9).
    let logged = api.number(&format!(
        "SELECT count(*) AS n FROM resourcelog WHERE resource = '{LOGIN}' AND method = 'POST'
           AND payload IS NULL AND payload_size = 0 AND statuscode = 200
           AND usersession_id IS NULL AND remote_addr = '127.0.0.1'"
    ));
    assert_eq!(logged, 1);
}

#[actix_web::test]
async fn refused_logins_get_ellas_messages() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let attempt = |username: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let body = json!({"username": username, "password": password});
            post_json(app, LOGIN, &body, None).await
        }
    };
    attempt("nobody", "demo")
        .await
        .assert_message(401, "Invalid username nobody");
    attempt("testuser1", "wrong")
        .await
        .assert_message(401, "Invalid credentials");
    // The failure counts although the request failed.
    let failures =
        r#"SELECT incorrect_logins::bigint AS n FROM "user" WHERE username = 'testuser1'"#;
    assert_eq!(api.number(failures), 1);

    api.execute(r#"UPDATE "user" SET password_expiry = '1970-01-01' WHERE username = 'testuser2'"#);
    attempt("testuser2", DEMO_PASSWORD)
        .await
        .assert_message(401, "Password has expired. Please change password.");

    api.execute(r#"UPDATE "user" SET incorrect_logins = 5 WHERE username = 'testuser3'"#);
    attempt("testuser3", "wrong").await.assert_message(
        401,
        "Invalid credentials. Too many failed logins. User testuser3 has been locked. \
         Contact support to unlock.",
    );
    attempt("testuser3", DEMO_PASSWORD).await.assert_message(
        401,
        "Too many failed logins. User testuser3 is locked. Contact support to unlock.",
    );

    api.execute(r#"UPDATE "user" SET active = false WHERE username = 'testuser4'"#);
    attempt("testuser4", DEMO_PASSWORD).await.assert_message(
        401,
        "User testuser4 is inactive. Contact support to re-activate.",
    );
    assert_eq!(api.number("SELECT count(*) AS n FROM usersession"), 0);

    // A successful login resets the counter.
    login(&app, "testuser1", DEMO_PASSWORD).await;
    assert_eq!(api.number(failures), 0);
}

#[actix_web::test]
async fn endpoints_need_a_valid_session() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let expired = api.session_cookie("testuser1");
    api.execute("UPDATE usersession SET expires = now() - interval '1 second'");
    let unknown = "ab".repeat(32);
    for cookie in [None, Some(unknown.as_str()), Some(expired.as_str())] {
        let reply = get(&app, CURRENT_USER, cookie).await;
        assert_eq!(reply.status, 403, "{cookie:?}");
        assert_eq!(reply.text(), "Authentication required");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(
            reply.header("WWWAuthenticate"),
            Some("Basic realm=\"Login Required\"")
        );
    }
}

#[actix_web::test]
async fn requests_record_session_activity() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = login(&app, "testuser1", DEMO_PASSWORD).await;
    api.execute("UPDATE usersession SET lastactivity = '2000-01-01'");
    assert_eq!(get(&app, CURRENT_USER, Some(&cookie)).await.status, 200);
    let recent =
        "SELECT count(*) AS n FROM usersession WHERE lastactivity > now() - interval '1 minute'";
    assert_eq!(api.number(recent), 1);
    let logged = api.number(&format!(
        "SELECT count(*) AS n FROM resourcelog r JOIN usersession s ON s.id = r.usersession_id
         WHERE r.resource = '{CURRENT_USER}' AND r.method = 'GET' AND r.statuscode = 200
           AND r.payload IS NULL AND r.response_size > 0"
    ));
    assert_eq!(logged, 1);
}

#[actix_web::test]
async fn logout_ends_only_that_session() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    assert_eq!(post_json(&app, LOGOUT, &json!({}), None).await.status, 403);
    let first = login(&app, "testuser1", DEMO_PASSWORD).await;
    let second = login(&app, "testuser1", DEMO_PASSWORD).await;
    let reply = post_json(&app, LOGOUT, &json!({}), Some(&first)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json(), serde_json::Value::Null);
    assert!(
        reply.header("set-cookie").is_none(),
        "the cookie is not cleared"
    );
    assert_eq!(get(&app, CURRENT_USER, Some(&first)).await.status, 403);
    assert_eq!(get(&app, CURRENT_USER, Some(&second)).await.status, 200);
    let ended = "SELECT count(*) AS n FROM usersession WHERE logged_out IS NOT NULL";
    assert_eq!(api.number(ended), 1);
    // Logout's body is ignored and logged (it holds no password).
    let raw = TestRequest::post()
        .uri(LOGOUT)
        .insert_header(("Cookie", format!("AuthenticationToken={second}")))
        .insert_header(("Content-Type", "application/json"))
        .set_payload("{not json");
    assert_eq!(send(&app, raw).await.status, 200);
    let logged = api.number(&format!(
        "SELECT count(*) AS n FROM resourcelog WHERE resource = '{LOGOUT}'
           AND payload = '{{not json' AND payload_size = 9"
    ));
    assert_eq!(logged, 1);
}

#[actix_web::test]
async fn password_change_checks_and_effects() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let change = |username: &'static str, password: &'static str, new_password: &'static str| {
        let app = &app;
        async move {
            let body =
                json!({"username": username, "password": password, "new_password": new_password});
            post_json(app, CHANGE_PASSWORD, &body, None).await
        }
    };
    change("nobody", "x", "Str0ng!pass")
        .await
        .assert_message(401, "Invalid username nobody");
    change("testuser1", "wrong", "Str0ng!pass")
        .await
        .assert_message(401, "Invalid credentials.");
    let failures =
        r#"SELECT incorrect_logins::bigint AS n FROM "user" WHERE username = 'testuser1'"#;
    assert_eq!(
        api.number(failures),
        0,
        "a wrong old password is not a failed login"
    );
    change("testuser1", DEMO_PASSWORD, "weak")
        .await
        .assert_message(401, "Password doesn't follow password strength guidelines.");

    let session = login(&app, "testuser1", DEMO_PASSWORD).await;
    let reply = change("testuser1", DEMO_PASSWORD, "Str0ng!pass").await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json(), serde_json::Value::Null);
    assert_eq!(get(&app, CURRENT_USER, Some(&session)).await.status, 403);
    // 02:00 UTC of tomorrow plus the configured 90 days (api.md §2.5).
    let expiry = r#"SELECT count(*) AS n FROM "user" WHERE username = 'testuser1'
        AND password_expiry = (date_trunc('day', now() AT TIME ZONE 'UTC') + interval '91 days 2 hours') AT TIME ZONE 'UTC'"#;
    assert_eq!(api.number(expiry), 1);
    login(&app, "testuser1", "Str0ng!pass").await;

    change("testuser1", "Str0ng!pass", "Str0ng!pass")
        .await
        .assert_message(
            401,
            "Password is equal to an old password. Choose a different password.",
        );
    assert_eq!(
        change("testuser1", "Str0ng!pass", "0ther!Pass")
            .await
            .status,
        200
    );
    change("testuser1", "0ther!Pass", "Str0ng!pass")
        .await
        .assert_message(
            401,
            "Password is equal to an old password. Choose a different password.",
        );
    assert_eq!(api.number("SELECT count(*) AS n FROM useroldpassword"), 2);

    api.execute(r#"UPDATE "user" SET active = false WHERE username = 'testuser2'"#);
    change("testuser2", DEMO_PASSWORD, "Str0ng!pass")
        .await
        .assert_message(
            401,
            "User is deactivated. Unable to change password. Contact support.",
        );
    api.execute(r#"UPDATE "user" SET incorrect_logins = 6 WHERE username = 'testuser3'"#);
    change("testuser3", DEMO_PASSWORD, "Str0ng!pass")
        .await
        .assert_message(
            401,
            "Too many failed logins. User testuser3 is locked. Contact support to unlock.",
        );
    let hidden = format!(
        "SELECT count(*) AS n FROM resourcelog WHERE resource = '{CHANGE_PASSWORD}' AND payload IS NOT NULL"
    );
    assert_eq!(api.number(&hidden), 0);
}
