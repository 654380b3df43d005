//! The work lists (api.md §4.4) on the golden database: sections by the latest round, ordering,
//! the work-log extras, the finalized list with paging, the user statistics and the group
//! restriction. Workflow states are made directly in the database.

use actix_web::test;
use serde_json::Value;

use crate::common::{get, TestApi};

/// The ids of a list of analyses.
fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|analysis| analysis["id"].as_i64().expect("id"))
        .collect()
}

/// The ids in each section of an overview response.
fn sections(reply: &Value) -> [(&'static str, Vec<i64>); 5] {
    [
        "not_ready",
        "not_started",
        "marked_review",
        "marked_medicalreview",
        "ongoing",
    ]
    .map(|key| (key, ids(&reply[key])))
}

/// The analysis `id` of a list.
fn find(list: &Value, id: i64) -> &Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|analysis| analysis["id"] == id)
        .unwrap_or_else(|| panic!("analysis {id} in {list}"))
}

/// Inserts a work-log entry of the round `round`, `minutes` from now, with `values` of `columns`.
fn log(api: &TestApi, round: i32, minutes: i32, columns: &str, values: &str) {
    api.execute(&format!(
        "INSERT INTO interpretationlog (analysisinterpretation_id, date_created, {columns})
         VALUES ({round}, now() + interval '{minutes} minutes', {values})"
    ));
}

#[actix_web::test]
async fn analyses_are_sectioned_by_their_latest_round() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let testuser4 = api.session_cookie("testuser4");
    // A requested date sorts before the deposit dates of the others.
    api.execute("UPDATE analysis SET date_requested = now() + interval '1 year' WHERE id = 3");

    let fresh = get(&app, "/api/v1/overviews/analyses/", Some(&testuser1)).await;
    assert_eq!(fresh.status, 200, "{}", fresh.text());
    let fresh = fresh.json();
    assert_eq!(
        sections(&fresh),
        [
            ("not_ready", vec![]),
            ("not_started", vec![3, 5, 4, 2]),
            ("marked_review", vec![]),
            ("marked_medicalreview", vec![]),
            ("ongoing", vec![]),
        ]
    );
    // Each element is the analysis of `GET /analyses/{id}/` plus the priority.
    let single = get(&app, "/api/v1/analyses/2/", Some(&testuser1))
        .await
        .json();
    let mut overview = find(&fresh["not_started"], 2).clone();
    let extras = overview.as_object_mut().expect("an object");
    assert_eq!(extras.remove("priority"), Some(Value::from(1)));
    assert_eq!(overview, single);
    let theirs = get(&app, "/api/v1/overviews/analyses/", Some(&testuser4)).await;
    assert_eq!(sections(&theirs.json())[1], ("not_started", vec![1]));

    // 2 and 3 finalized (3 updated last), 4 handed over to review, 5 ongoing with testuser1,
    // HG002 back to "Not ready".
    for statement in [
        "UPDATE analysisinterpretation SET status = 'Done', finalized = true,
             date_last_update = now() + interval '1 day' * id, user_id = 1
         WHERE id IN (2, 3)",
        "UPDATE analysisinterpretation SET status = 'Done', finalized = false WHERE id IN (1, 4)",
        "INSERT INTO analysisinterpretation (analysis_id, genepanel_name, genepanel_version,
             user_state, state, status, workflow_status, date_created, date_last_update)
         SELECT analysis_id, genepanel_name, genepanel_version, '{}', '{}', 'Not started',
             CASE WHEN id = 4 THEN 'Review' ELSE 'Not ready' END::analysisinterpretation_workflow_status,
             now() + interval '1 hour', now() + interval '1 hour'
         FROM analysisinterpretation WHERE id IN (1, 4)",
        "UPDATE analysisinterpretation SET status = 'Ongoing', user_id = 1 WHERE id = 5",
    ] {
        api.execute(statement);
    }
    // Analysis 5: the newest priority counts, the newest comment is an older entry's; the
    // newest "warning cleared" is false, so the key is left out.
    log(
        &api,
        5,
        1,
        "priority, review_comment, warning_cleared",
        "2, 'Call the lab', true",
    );
    log(
        &api,
        5,
        2,
        "priority, review_comment, warning_cleared",
        "3, NULL, false",
    );
    // Analysis 4: an empty newest comment hides the older one; the warning was cleared.
    log(
        &api,
        4,
        1,
        "review_comment, warning_cleared",
        "'first look', false",
    );
    log(&api, 4, 2, "review_comment, warning_cleared", "'', true");

    let worked = get(&app, "/api/v1/overviews/analyses/", Some(&testuser1))
        .await
        .json();
    assert_eq!(
        sections(&worked),
        [
            ("not_ready", vec![]),
            ("not_started", vec![]),
            ("marked_review", vec![4]),
            ("marked_medicalreview", vec![]),
            ("ongoing", vec![5]),
        ]
    );
    let ongoing = find(&worked["ongoing"], 5);
    assert_eq!(ongoing["priority"], 3);
    assert_eq!(ongoing["review_comment"], "Call the lab");
    assert!(ongoing.get("warning_cleared").is_none(), "{ongoing}");
    let review = find(&worked["marked_review"], 4);
    assert_eq!(review["priority"], 1);
    assert!(review.get("review_comment").is_none(), "{review}");
    assert_eq!(review["warning_cleared"], true);
    assert_eq!(
        review["interpretations"]
            .as_array()
            .expect("rounds")
            .iter()
            .map(|round| round["workflow_status"].as_str().expect("step"))
            .collect::<Vec<_>>(),
        ["Interpretation", "Review"]
    );
    let theirs = get(&app, "/api/v1/overviews/analyses/", Some(&testuser4))
        .await
        .json();
    assert_eq!(sections(&theirs)[0], ("not_ready", vec![1]));

    let finalized = get(
        &app,
        "/api/v1/overviews/analyses/finalized/",
        Some(&testuser1),
    )
    .await;
    assert_eq!(finalized.status, 200, "{}", finalized.text());
    assert_eq!(ids(&finalized.json()), [3, 2]);
    assert_eq!(finalized.header("Total-Count"), Some("2"));
    let second = get(
        &app,
        "/api/v1/overviews/analyses/finalized/?per_page=1&page=2",
        Some(&testuser1),
    )
    .await;
    assert_eq!(ids(&second.json()), [2]);
    assert_eq!(second.header("Total-Count"), Some("2"));
    assert_eq!(second.header("Total-Pages"), Some("2"));
    assert_eq!(find(&second.json(), 2)["priority"], 1);
    let none = get(
        &app,
        "/api/v1/overviews/analyses/finalized/",
        Some(&testuser4),
    )
    .await;
    assert_eq!(ids(&none.json()), Vec::<i64>::new());
    assert_eq!(none.header("Total-Count"), Some("0"));
}

#[actix_web::test]
async fn user_stats_count_distinct_subjects() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let stats = get(&app, "/api/v1/overviews/userstats/", Some(&testuser1)).await;
    assert_eq!(stats.status, 200);
    assert_eq!(
        stats.json(),
        serde_json::json!({"analyses_cnt": 0, "alleles_cnt": 0})
    );
    api.execute("UPDATE analysisinterpretation SET user_id = 1 WHERE id IN (2, 3)");
    api.execute(
        "INSERT INTO alleleinterpretation (allele_id, genepanel_name, genepanel_version,
             user_state, state, status, workflow_status, date_created, date_last_update,
             user_id, finalized)
         VALUES (1, 'HBOCUTV', 'v01', '{}', '{}', 'Done', 'Interpretation', now(), now(), 1, true),
                (1, 'HBOCUTV', 'v01', '{}', '{}', 'Ongoing', 'Review', now(), now(), 1, NULL)",
    );
    let stats = get(&app, "/api/v1/overviews/userstats/", Some(&testuser1)).await;
    assert_eq!(
        stats.json(),
        serde_json::json!({"analyses_cnt": 2, "alleles_cnt": 1})
    );
    let anonymous = get(&app, "/api/v1/overviews/userstats/", None).await;
    assert_eq!(anonymous.status, 403);
}
