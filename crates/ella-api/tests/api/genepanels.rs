//! Gene panels (api.md §4.8): the group's panels, a panel's genes, the similarity statistics and
//! custom panels, with the refusals that must leave the database as it was.

use actix_web::test::init_service;
use serde_json::{json, Value};

use crate::common::{get, post_json, TestApi};

/// What `POST /genepanels/` writes, to check that a refused request wrote nothing.
fn panel_state(api: &TestApi) -> [i64; 4] {
    [
        api.number("SELECT count(*) AS n FROM genepanel"),
        api.number("SELECT count(*) AS n FROM genepanel_transcript"),
        api.number("SELECT count(*) AS n FROM genepanel_phenotype"),
        api.number("SELECT count(*) AS n FROM usergroupgenepanel"),
    ]
}

#[actix_web::test]
async fn panels_of_the_group_their_genes_and_similarity() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");

    let reply = get(&app, "/api/v1/genepanels/", Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.json(),
        json!([
            {"name": "HBOC", "version": "v01", "official": true},
            {"name": "HBOCUTV", "version": "v01", "official": true},
        ])
    );
    assert_eq!(reply.header("total-count"), Some("2"));
    let filtered = get(
        &app,
        "/api/v1/genepanels/?q=%7B%22name%22%3A%22HBOC%22%7D",
        Some(&cookie),
    )
    .await;
    assert_eq!(filtered.json().as_array().unwrap().len(), 1);

    let reply = get(&app, "/api/v1/genepanels/HBOC/v01/", Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let detail = reply.json();
    assert_eq!(detail["name"], "HBOC");
    let genes = detail["genes"].as_array().unwrap();
    let symbols: Vec<&str> = genes
        .iter()
        .map(|gene| gene["hgnc_symbol"].as_str().unwrap())
        .collect();
    assert_eq!(symbols, ["BRCA1", "BRCA2"]);
    assert_eq!(genes[0]["hgnc_id"], 1100);
    assert_eq!(genes[0]["inheritance"], "AD");
    assert_eq!(genes[0]["transcripts"][0]["transcript_name"], "NM_007297.3");
    assert_eq!(genes[0]["phenotypes"][0]["inheritance"], "AD");

    let reply = get(&app, "/api/v1/genepanels/HBOC/v01/stats/", Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.json(),
        json!({"overlap": [{"name": "HBOCUTV", "version": "v01",
                            "addition_cnt": 5, "overlap_cnt": 2, "missing_cnt": 0}]})
    );

    let reply = get(&app, "/api/v1/genepanels/Nothing/v9/", Some(&cookie)).await;
    reply.assert_message(500, "Invalid genepanel name (Nothing) or version (v9)");
    let reply = get(&app, "/api/v1/genepanels/", None).await;
    assert_eq!(reply.status, 403);
}

#[actix_web::test]
async fn custom_panels_are_checked_and_created_in_one_transaction() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let brca1 =
        api.number("SELECT id::bigint AS n FROM transcript WHERE transcript_name = 'NM_007297.3'");
    let phenotype = api.number("SELECT min(id)::bigint AS n FROM phenotype WHERE gene_id = 1100");
    let valid = json!({
        "name": "MyPanel", "version": "v1",
        "genes": [{"hgnc_id": 1100, "hgnc_symbol": "BRCA1", "inheritance": "AD",
                   "transcripts": [{"id": brca1, "transcript_name": "NM_007297.3"}],
                   "phenotypes": [{"id": phenotype}]}],
        "usergroups": ["testgroup01", "testgroup02"],
        "extra": "ignored, as in ELLA"
    });
    let with = |key: &str, value: Value| {
        let mut body = valid.clone();
        body[key] = value;
        body
    };
    let mut existing = with("name", json!("HBOC"));
    existing["version"] = json!("v01");
    let before = panel_state(&api);
    let refused = [
        (with("name", json!("")), "No name given for genepanel"),
        (with("version", json!("")), "No version given for genepanel"),
        (with("usergroups", json!([])), "Internal Server Error"),
        (
            with("usergroups", json!(["nogroup"])),
            "Internal Server Error",
        ),
        (with("usergroups", json!(null)), "Internal Server Error"),
        (with("genes", json!("BRCA1")), "Internal Server Error"),
        (
            with(
                "genes",
                json!([{"hgnc_id": 1100, "inheritance": "AD", "transcripts": [{"id": 999_999}]}]),
            ),
            "Internal Server Error",
        ),
        (
            with(
                "genes",
                json!([{"hgnc_id": 1101, "inheritance": "AD", "transcripts": [{"id": brca1}]}]),
            ),
            "Internal Server Error",
        ),
        (
            with(
                "genes",
                json!([{"hgnc_id": 1100, "inheritance": "AD", "phenotypes": [{"id": 999_999}]}]),
            ),
            "Internal Server Error",
        ),
        (existing, "Internal Server Error"),
    ];
    for (index, (body, message)) in refused.iter().enumerate() {
        let reply = post_json(&app, "/api/v1/genepanels/", body, Some(&cookie)).await;
        assert_eq!(reply.status, 500, "case {index}: {}", reply.text());
        reply.assert_message(500, message);
    }
    assert_eq!(panel_state(&api), before);

    let reply = post_json(&app, "/api/v1/genepanels/", &valid, Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json(), Value::Null);
    let after = panel_state(&api);
    assert_eq!(
        after,
        [before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 2]
    );
    // The new panel is the group's now, but not official: not listed, but readable.
    let reply = get(&app, "/api/v1/genepanels/MyPanel/v1/", Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["genes"][0]["hgnc_symbol"], "BRCA1");
    // Twice is a duplicate.
    let reply = post_json(&app, "/api/v1/genepanels/", &valid, Some(&cookie)).await;
    assert_eq!(reply.status, 500);
    assert_eq!(panel_state(&api), after);
}
