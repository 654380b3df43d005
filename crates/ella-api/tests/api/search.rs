//! Search (api.md §4.11) on the golden database: analyses by name and user with paging and
//! `limit`, readiness, the suggestions of `/search/options/` and ELLA's errors for bad input.

use std::fmt::Write as _;

use actix_web::test;
use serde_json::{json, Value};

use crate::common::{get, Reply, TestApi};

/// `text` percent-encoded for a query string.
fn encoded(text: &str) -> String {
    text.bytes().fold(String::new(), |mut out, byte| {
        write!(out, "%{byte:02X}").expect("write to a String");
        out
    })
}

/// `GET /search/` with `q` and further parameters.
fn search_uri(q: &Value, rest: &str) -> String {
    format!("/api/v1/search/?q={}{rest}", encoded(&q.to_string()))
}

/// The analysis ids of a search reply, checking that no variants came back.
fn analysis_ids(reply: &Reply) -> Vec<i64> {
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["alleles"], json!([]));
    body["analyses"]
        .as_array()
        .expect("analyses")
        .iter()
        .map(|analysis| analysis["id"].as_i64().expect("id"))
        .collect()
}

fn analyses(freetext: &str) -> Value {
    json!({"type": "analyses", "freetext": freetext, "gene": null, "user": null})
}

#[actix_web::test]
async fn analyses_by_name_within_the_callers_panels() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let testuser4 = api.session_cookie("testuser4");
    let found = |reply: Reply| {
        (
            analysis_ids(&reply),
            reply.header("Total-Count").map(str::to_owned),
        )
    };

    let all = get(
        &app,
        &search_uri(&analyses("e2e_TEST0"), ""),
        Some(&testuser1),
    )
    .await;
    assert_eq!(found(all), (vec![5, 4, 3, 2], Some("4".into())));
    // The page is taken from the matches by id, then shown newest first.
    let page = get(
        &app,
        &search_uri(&analyses("e2e"), "&page=1&per_page=2&limit=100"),
        Some(&testuser1),
    )
    .await;
    assert_eq!(page.header("Total-Pages"), Some("2"));
    assert_eq!(found(page), (vec![3, 2], Some("4".into())));
    let capped = get(
        &app,
        &search_uri(&analyses("e2e"), "&limit=3"),
        Some(&testuser1),
    )
    .await;
    assert_eq!(found(capped), (vec![4, 3, 2], Some("3".into())));
    // Typed text is literal: `_` is no wildcard.
    let literal = get(&app, &search_uri(&analyses("test0_"), ""), Some(&testuser1)).await;
    assert_eq!(found(literal), (vec![], Some("0".into())));
    // HG002 belongs to testgroup02's panels.
    let foreign = get(&app, &search_uri(&analyses("hg002"), ""), Some(&testuser1)).await;
    assert_eq!(found(foreign), (vec![], Some("0".into())));
    let own = get(&app, &search_uri(&analyses("hg002"), ""), Some(&testuser4)).await;
    let own_body = own.json();
    assert_eq!(found(own), (vec![1], Some("1".into())));
    assert_eq!(own_body["analyses"][0]["priority"], 1);
    assert_eq!(own_body["analyses"][0]["name"], "HG002-Trio.Mendeliome_v01");

    // By user: analysis 3 has a finished round of testuser1 and a newer round, which was
    // updated earlier; hits list their rounds by last update.
    api.execute(
        "UPDATE analysisinterpretation SET user_id = 1, status = 'Done', finalized = false,
             date_last_update = now() + interval '1 day'
         WHERE id = 3",
    );
    api.execute(
        "INSERT INTO analysisinterpretation (analysis_id, genepanel_name, genepanel_version,
             user_state, state, status, workflow_status, date_created, date_last_update)
         VALUES (3, 'HBOCUTV', 'v01', '{}', '{}', 'Not started', 'Review', now(), now())",
    );
    let by_user =
        json!({"type": "analyses", "user": {"username": "testuser1", "first_name": "Henrik"}});
    let reply = get(&app, &search_uri(&by_user, ""), Some(&testuser1)).await;
    let body = reply.json();
    assert_eq!(found(reply), (vec![3], Some("1".into())));
    let rounds: Vec<_> = body["analyses"][0]["interpretations"]
        .as_array()
        .expect("rounds")
        .iter()
        .map(|round| round["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(rounds, [6, 3]);
    let both = json!({"type": "analyses", "freetext": "test02", "user": {"username": "testuser1"}});
    let reply = get(&app, &search_uri(&both, ""), Some(&testuser1)).await;
    assert_eq!(found(reply), (vec![3], Some("1".into())));
    let nobody = json!({"type": "analyses", "user": {"username": "nobody"}});
    let reply = get(&app, &search_uri(&nobody, ""), Some(&testuser1)).await;
    assert_eq!(found(reply), (vec![], Some("0".into())));
}

#[actix_web::test]
async fn incomplete_queries_find_nothing() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    for q in [
        analyses(""),
        json!({"type": "alleles", "freetext": "c.123A>G", "gene": null, "user": null}),
        json!({"type": "alleles", "freetext": "13:300-100"}),
        json!({"type": "alleles", "freetext": "100-300"}),
        json!({"type": "alleles", "freetext": "BRCA2"}),
    ] {
        let reply = get(
            &app,
            &search_uri(&q, "&per_page=10&limit=100"),
            Some(&cookie),
        )
        .await;
        assert_eq!(reply.status, 200, "{q}: {}", reply.text());
        assert_eq!(reply.json(), json!({"alleles": [], "analyses": []}), "{q}");
        assert_eq!(reply.header("Total-Count"), Some("0"));
        assert_eq!(reply.header("Per-Page"), Some("10"));
    }
}

#[actix_web::test]
async fn bad_input_gets_ellas_error() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let bad_q = [
        "",
        "null",
        "%7B",
        "%5B%5D",
        &encoded(r#"{"type": "variants", "freetext": "abc"}"#),
        &encoded(r#"{"freetext": "abc"}"#),
        &encoded(r#"{"type": "analyses", "freetext": 12}"#),
        &encoded(r#"{"type": "alleles", "gene": {"symbol": "BRCA2"}}"#),
        &encoded(r#"{"type": "analyses", "user": "testuser1"}"#),
    ];
    for q in bad_q {
        let reply = get(&app, &format!("/api/v1/search/?q={q}"), Some(&cookie)).await;
        reply.assert_message(500, "Internal Server Error");
    }
    let valid = encoded(&analyses("e2e").to_string());
    for uri in [
        "/api/v1/search/".to_owned(),
        format!("/api/v1/search/?q={valid}&limit=x"),
        format!("/api/v1/search/?q={valid}&page=one"),
        "/api/v1/search/options/".to_owned(),
        format!("/api/v1/search/options/?q={}", encoded(r#"{"gene": 5}"#)),
        "/api/v1/search/options/?q=%7B".to_owned(),
    ] {
        let reply = get(&app, &uri, Some(&cookie)).await;
        reply.assert_message(500, "Internal Server Error");
    }
    for uri in [
        format!("/api/v1/search/?q={valid}"),
        "/api/v1/search/options/?q=%7B%7D".to_owned(),
    ] {
        let reply = get(&app, &uri, None).await;
        assert_eq!(reply.status, 403, "{uri}");
    }
}

/// `GET /search/options/?q=q` as JSON.
async fn options<S, B>(app: &S, q: &Value, cookie: &str) -> Value
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let uri = format!("/api/v1/search/options/?q={}", encoded(&q.to_string()));
    let reply = get(app, &uri, Some(cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()
}

#[actix_web::test]
async fn options_suggest_genes_of_the_panels_and_users_of_the_group() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let testuser4 = api.session_cookie("testuser4");

    assert_eq!(
        options(&app, &json!({"gene": "Br"}), &testuser1).await,
        json!({"gene": [{"symbol": "BRCA1", "hgnc_id": 1100}, {"symbol": "BRCA2", "hgnc_id": 1101}]})
    );
    assert_eq!(
        options(&app, &json!({"gene": "at"}), &testuser1).await,
        json!({"gene": []})
    );
    let many = options(&app, &json!({"gene": "at"}), &testuser4).await;
    let symbols: Vec<&str> = many["gene"]
        .as_array()
        .expect("genes")
        .iter()
        .map(|gene| gene["symbol"].as_str().expect("symbol"))
        .collect();
    assert_eq!(symbols.len(), 20);
    assert_eq!(symbols[..3], ["ATAD3A", "ATCAY", "ATF6"]);

    // testuser6 (Henrik Wergeland) is in another group.
    assert_eq!(
        options(&app, &json!({"user": "henrik", "gene": ""}), &testuser1).await,
        json!({"user": [{"username": "testuser1", "first_name": "Henrik", "last_name": "Ibsen"}]})
    );
    assert_eq!(
        options(&app, &json!({"user": "c"}), &testuser1).await,
        json!({"user": [{"username": "testuser3", "first_name": "Camilla", "last_name": "Collett"}]})
    );
    let both = options(&app, &json!({"user": "%", "gene": "palb"}), &testuser1).await;
    assert_eq!(
        both,
        json!({"user": [], "gene": [{"symbol": "PALB2", "hgnc_id": both["gene"][0]["hgnc_id"]}]})
    );
    assert_eq!(options(&app, &json!({}), &testuser1).await, json!({}));
}
