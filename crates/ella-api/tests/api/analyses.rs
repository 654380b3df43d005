//! The analysis list (api.md §4.3, `GET /analyses/`): only the caller's gene panels, with `q`
//! and paging.

use actix_web::test;
use serde_json::Value;

use crate::common::{get, TestApi};

fn names(reply: &Value) -> Vec<&str> {
    reply
        .as_array()
        .expect("a list")
        .iter()
        .map(|analysis| analysis["name"].as_str().expect("name"))
        .collect()
}

#[actix_web::test]
async fn analyses_are_listed_for_the_callers_panels() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let testuser4 = api.session_cookie("testuser4");

    let all = get(&app, "/api/v1/analyses/", Some(&testuser1)).await;
    assert_eq!(all.status, 200, "{}", all.text());
    assert_eq!(
        names(&all.json()),
        [
            "brca_e2e_test01.HBOCUTV_v01",
            "brca_e2e_test02.HBOCUTV_v01",
            "brca_e2e_test03.HBOCUTV_v01",
            "brca_e2e_test04.HBOCUTV_v01"
        ]
    );
    assert_eq!(all.header("Total-Count"), Some("4"));
    let theirs = get(&app, "/api/v1/analyses/", Some(&testuser4)).await;
    assert_eq!(names(&theirs.json()), ["HG002-Trio.Mendeliome_v01"]);

    // A filter cannot widen the panels: HG002 stays invisible to testgroup01.
    let foreign = get(
        &app,
        "/api/v1/analyses/?q=%7B%22id%22%3A1%7D",
        Some(&testuser1),
    )
    .await;
    assert_eq!(foreign.status, 200);
    assert_eq!(foreign.json(), Value::Array(Vec::new()));
    assert_eq!(foreign.header("Total-Count"), Some("0"));

    let page = get(
        &app,
        "/api/v1/analyses/?per_page=3&page=2",
        Some(&testuser1),
    )
    .await;
    assert_eq!(names(&page.json()), ["brca_e2e_test04.HBOCUTV_v01"]);
    assert_eq!(page.header("Total-Count"), Some("4"));
    assert_eq!(page.header("Total-Pages"), Some("2"));

    let nothing = get(
        &app,
        "/api/v1/analyses/?q=%7B%22id%22%3A%5B%5D%7D",
        Some(&testuser1),
    )
    .await;
    assert_eq!(nothing.json(), Value::Array(Vec::new()));
    assert_eq!(nothing.header("Total-Count"), Some("0"));

    let anonymous = get(&app, "/api/v1/analyses/", None).await;
    assert_eq!(anonymous.status, 403);
}
