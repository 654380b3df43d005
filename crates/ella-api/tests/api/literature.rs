//! References, custom annotations and gene assessments (api.md §4.7, §4.9, §4.10): listing,
//! creating, and refusing bad bodies without writing anything.

use actix_web::test::{init_service, TestRequest};
use serde_json::{json, Value};

use crate::common::{get, post_json, send, TestApi};

/// Counts of the tables these endpoints write.
fn written(api: &TestApi) -> [i64; 3] {
    [
        api.number("SELECT count(*) AS n FROM reference"),
        api.number("SELECT count(*) AS n FROM customannotation"),
        api.number("SELECT count(*) AS n FROM geneassessment"),
    ]
}

/// Bodies every JSON POST endpoint must refuse with ELLA's status and message.
fn bad_bodies(valid: &Value) -> Vec<(TestRequest, u16)> {
    let json_text = |text: String| {
        TestRequest::post()
            .insert_header(("Content-Type", "application/json"))
            .set_payload(text)
    };
    let mut unknown_key = valid.clone();
    unknown_key["unexpected"] = json!(1);
    let mut cases = vec![
        (json_text(unknown_key.to_string()), 500),
        (json_text("{}".into()), 500),
        (json_text("[]".into()), 500),
        (json_text("null".into()), 500),
        (json_text("{\"a\": ".into()), 400),
        (
            json_text(format!("{{\"x\": \"{}\"}}", "a".repeat(17 * 1024 * 1024))),
            413,
        ),
        (
            TestRequest::post()
                .insert_header(("Content-Type", "text/plain"))
                .set_payload(valid.to_string()),
            500,
        ),
    ];
    for key in valid.as_object().expect("an object").keys() {
        let mut missing = valid.clone();
        missing.as_object_mut().expect("an object").remove(key);
        let mut wrong_type = valid.clone();
        wrong_type[key] = json!([{"nested": true}]);
        cases.push((json_text(wrong_type.to_string()), 500));
        if ![
            "analysis_id",
            "presented_geneassessment_id",
            "user_id",
            "manual",
        ]
        .contains(&key.as_str())
        {
            cases.push((json_text(missing.to_string()), 500));
        }
    }
    cases
}

/// Sends every bad body to `path` and checks the answers and that nothing was written.
async fn assert_bad_bodies_refused<S, B>(
    api: &TestApi,
    app: &S,
    path: &str,
    cookie: &str,
    valid: &Value,
) where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let before = written(api);
    for (index, (request, status)) in bad_bodies(valid).into_iter().enumerate() {
        let request = request
            .uri(path)
            .insert_header(("Cookie", format!("AuthenticationToken={cookie}")));
        let reply = send(app, request).await;
        let message = match status {
            400 => "The browser (or proxy) sent a request that this server could not understand.",
            413 => "The data value transmitted exceeds the capacity limit.",
            _ => "Internal Server Error",
        };
        assert_eq!(
            reply.status,
            status,
            "{path} case {index}: {}",
            reply.text()
        );
        reply.assert_message(status, message);
    }
    assert_eq!(written(api), before, "{path}");
}

#[actix_web::test]
async fn references_are_listed_searched_and_created() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let total = api.number("SELECT count(*) AS n FROM reference");

    let reply = get(&app, "/api/v1/references/?per_page=5&page=2", Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json().as_array().unwrap().len(), 5);
    assert_eq!(
        reply.header("total-count"),
        Some(total.to_string().as_str())
    );
    let first = get(
        &app,
        "/api/v1/references/?q=%7B%22id%22%3A%5B1%5D%7D",
        Some(&cookie),
    )
    .await;
    let first = first.json()[0].clone();
    for key in [
        "id",
        "authors",
        "title",
        "journal",
        "year",
        "abstract",
        "pubmed_id",
        "published",
    ] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    let pubmed_id = first["pubmed_id"].clone();
    let reply = get(
        &app,
        &format!("/api/v1/references/?q=%7B%22pubmed_id%22%3A%5B{pubmed_id}%5D%7D"),
        Some(&cookie),
    )
    .await;
    assert_eq!(reply.json()[0]["id"], 1);

    // Search: every word as a prefix of a word in authors, title, journal or year.
    let word: String = first["title"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .find(|word| word.len() > 6 && word.chars().all(char::is_alphabetic))
        .unwrap()
        .to_owned();
    let prefix = &word[..5];
    let reply = get(
        &app,
        &format!("/api/v1/references/?s=%7B%22search_string%22%3A%22{prefix}%22%7D&per_page=50"),
        Some(&cookie),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(
        reply
            .json()
            .as_array()
            .unwrap()
            .iter()
            .any(|found| found["id"] == 1),
        "{prefix}: {}",
        reply.text()
    );
    let both = get(
        &app,
        "/api/v1/references/?s=%7B%22search_string%22%3A%22a%22%7D&q=%7B%7D",
        Some(&cookie),
    )
    .await;
    assert_eq!(both.status, 500);
    let stop_words = get(
        &app,
        "/api/v1/references/?s=%7B%22search_string%22%3A%22the%22%7D",
        Some(&cookie),
    )
    .await;
    assert_eq!(stop_words.status, 500);

    // Manual references: an equal one is returned, otherwise a new one is made.
    let manual = json!({"manual": {"title": "A hand-made reference", "authors": "Doe J",
                                   "journal": "Unpublished notes.", "year": "2024", "published": false}});
    let before = written(&api);
    let made = post_json(&app, "/api/v1/references/", &manual, Some(&cookie)).await;
    assert_eq!(made.status, 200, "{}", made.text());
    assert_eq!(made.json()["pubmed_id"], Value::Null);
    assert_eq!(made.json()["published"], false);
    let again = post_json(&app, "/api/v1/references/", &manual, Some(&cookie)).await;
    assert_eq!(again.json()["id"], made.json()["id"]);
    assert_eq!(written(&api)[0], before[0] + 1);

    // PubMed records: an existing pubmed_id returns the stored reference unchanged.
    let xml = format!(
        "<PubmedArticle><MedlineCitation><PMID>{pubmed_id}</PMID><Article><ArticleTitle>Other</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
    );
    let existing = post_json(
        &app,
        "/api/v1/references/",
        &json!({"pubmedData": xml}),
        Some(&cookie),
    )
    .await;
    assert_eq!(existing.status, 200, "{}", existing.text());
    assert_eq!(existing.json(), first);
    let medline = "PMID- 99999999\nTI  - New title\nAU  - Doe J\nPT  - Journal Article\nTA  - J Test\nVI  - 1\nPG  - 1-2\nDP  - 2024\n";
    let new = post_json(
        &app,
        "/api/v1/references/",
        &json!({"pubmedData": medline, "manual": null}),
        Some(&cookie),
    )
    .await;
    assert_eq!(new.status, 200, "{}", new.text());
    assert_eq!(new.json()["pubmed_id"], 99_999_999);
    assert_eq!(new.json()["journal"], "J Test: 1, 1-2");
    assert_eq!(written(&api)[0], before[0] + 2);

    let refused = [
        json!({"pubmedData": null, "manual": null}),
        json!({"pubmedData": medline, "manual": {"title": "x"}}),
        json!({"manual": {"no_such_column": "x"}}),
        json!({"manual": {"id": 1}}),
        json!({"manual": {"title": ["x"]}}),
        json!({"pubmedData": "<PubmedArticle><broken"}),
        json!({"pubmedData": "PMID- 1\nPT  - Review\n"}),
    ];
    let before = written(&api);
    for body in refused {
        let reply = post_json(&app, "/api/v1/references/", &body, Some(&cookie)).await;
        reply.assert_message(500, "Internal Server Error");
    }
    assert_eq!(written(&api), before);
    assert_bad_bodies_refused(&api, &app, "/api/v1/references/", &cookie, &manual).await;
}

#[actix_web::test]
async fn custom_annotations_merge_into_new_versions() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let first = json!({"allele_id": 1, "annotations": {
        "external": {"LOVD": "pathogenic"}, "prediction": {"domain": "yes", "repeat": "no"}}});
    let reply = post_json(&app, "/api/v1/customannotations/", &first, Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let first_id = reply.json()["id"].clone();
    assert_eq!(reply.json()["user_id"], 1);
    let second = json!({"allele_id": "1", "user_id": 4, "annotations": {
        "prediction": {"domain": null, "repeat": "yes"}, "references": [{"id": 3, "source": "User"}]}});
    let reply = post_json(&app, "/api/v1/customannotations/", &second, Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let created = reply.json();
    assert_eq!(created["user_id"], 1, "the caller, not the body's user_id");
    assert_eq!(
        created["annotations"],
        json!({"external": {"LOVD": "pathogenic"}, "prediction": {"repeat": "yes"},
               "references": [{"id": 3, "source": "User"}]})
    );
    let reply = get(
        &app,
        "/api/v1/customannotations/?q=%7B%22allele_id%22%3A1%7D",
        Some(&cookie),
    )
    .await;
    let listed = reply.json();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert_eq!(listed[0]["id"], first_id);
    assert!(listed[0]["date_superceeded"].is_string());
    assert_eq!(listed[1]["date_superceeded"], Value::Null);

    let before = written(&api);
    let unknown_allele = json!({"allele_id": 999_999, "annotations": {}});
    let reply = post_json(
        &app,
        "/api/v1/customannotations/",
        &unknown_allele,
        Some(&cookie),
    )
    .await;
    reply.assert_message(500, "Internal Server Error");
    assert_eq!(written(&api), before);
    assert_bad_bodies_refused(&api, &app, "/api/v1/customannotations/", &cookie, &first).await;
}

#[actix_web::test]
async fn gene_assessments_supersede_only_the_presented_one() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let body = |presented: Value| {
        json!({"gene_id": 1100, "genepanel_name": "HBOC", "genepanel_version": "v01",
               "analysis_id": 2, "evaluation": {"comment": "A comment"},
               "presented_geneassessment_id": presented})
    };
    let reply = post_json(
        &app,
        "/api/v1/geneassessments/",
        &body(Value::Null),
        Some(&cookie),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let first = reply.json();
    assert_eq!(first["user"]["username"], "testuser1");
    assert_eq!(first["usergroup_id"], 1);
    assert_eq!(first["evaluation"], json!({"comment": "A comment"}));
    assert!(first["seconds_since_update"].is_f64());

    let before = written(&api);
    let reply = post_json(
        &app,
        "/api/v1/geneassessments/",
        &body(Value::Null),
        Some(&cookie),
    )
    .await;
    reply.assert_message(
        500,
        &format!(
            "'presented_geneassessment_id': None does not match latest existing geneassessment id: {}",
            first["id"]
        ),
    );
    let mut unknown_analysis = body(first["id"].clone());
    unknown_analysis["analysis_id"] = json!(999);
    let reply = post_json(
        &app,
        "/api/v1/geneassessments/",
        &unknown_analysis,
        Some(&cookie),
    )
    .await;
    reply.assert_message(500, "Internal Server Error");
    let mut extra_evaluation = body(first["id"].clone());
    extra_evaluation["evaluation"]["acmg"] = json!([]);
    let reply = post_json(
        &app,
        "/api/v1/geneassessments/",
        &extra_evaluation,
        Some(&cookie),
    )
    .await;
    reply.assert_message(500, "Internal Server Error");
    assert_eq!(written(&api), before);

    let reply = post_json(
        &app,
        "/api/v1/geneassessments/",
        &body(first["id"].clone()),
        Some(&cookie),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["previous_assessment_id"], first["id"]);
    let reply = get(
        &app,
        "/api/v1/geneassessments/?q=%7B%22gene_id%22%3A1100%7D",
        Some(&cookie),
    )
    .await;
    let listed = reply.json();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(listed[0]["date_superceeded"].is_string());

    assert_bad_bodies_refused(
        &api,
        &app,
        "/api/v1/geneassessments/",
        &cookie,
        &body(Value::Null),
    )
    .await;
}
