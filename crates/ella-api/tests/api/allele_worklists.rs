//! The variant work lists (api.md §4.4, `GET /overviews/alleles/` and `.../finalized/`) and the
//! variant search (api.md §4.11, `type: alleles`) on the golden database. Allele rounds and
//! assessments are made directly in the database; alleles 12 to 16 are BRCA2 variants of
//! `brca_e2e_test01`, allele 1 a variant of HG002.

use std::fmt::Write as _;

use actix_web::test;
use serde_json::{json, Value};

use crate::common::{get, Reply, TestApi};

/// Inserts an allele round: `(allele, panel, status, step, finalized, user, created, updated)`
/// with times in hours from now; returns nothing, ids follow the insert order from 1.
fn round(api: &TestApi, values: &str) {
    api.execute(&format!(
        "INSERT INTO alleleinterpretation (allele_id, genepanel_name, genepanel_version,
             status, workflow_status, finalized, user_id, date_created, date_last_update,
             user_state, state)
         SELECT allele, panel, 'v01', status::interpretation_status,
             step::alleleinterpretation_workflow_status, finalized, who,
             now() + interval '1 hour' * created, now() + interval '1 hour' * updated, '{{}}', '{{}}'
         FROM (VALUES {values}) AS v(allele, panel, status, step, finalized, who, created, updated)"
    ));
}

fn allele_ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["allele"]["id"].as_i64().expect("allele id"))
        .collect()
}

#[actix_web::test]
async fn variant_work_lists() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let testuser4 = api.session_cookie("testuser4");
    // Rounds 1..: 12 and 16 waiting, 13 ongoing, 14 handed to review after a round on
    // HBOCUTV that was updated last, 15 and 2 finalized, 1 waiting on testgroup02's panel.
    round(
        &api,
        "(12, 'HBOCUTV', 'Not started', 'Interpretation', NULL::boolean, NULL::integer, 0, 0),
         (16, 'HBOC', 'Not started', 'Interpretation', NULL, NULL, 0, 0),
         (13, 'HBOCUTV', 'Ongoing', 'Review', NULL, 1, 0, 0),
         (14, 'HBOCUTV', 'Done', 'Interpretation', false, 1, -2, 5),
         (14, 'HBOC', 'Not started', 'Review', NULL, NULL, 1, 1),
         (15, 'HBOCUTV', 'Done', 'Interpretation', true, 1, 0, 72),
         (2, 'HBOCUTV', 'Done', 'Interpretation', true, 1, 0, 24),
         (1, 'Mendeliome', 'Not started', 'Interpretation', NULL, NULL, 0, 0)",
    );
    api.execute(
        "INSERT INTO interpretationlog (alleleinterpretation_id, date_created, priority,
             review_comment)
         VALUES (4, now(), 3, 'recheck'), (5, now() + interval '1 minute', 2, NULL)",
    );

    let reply = get(&app, "/api/v1/overviews/alleles/", Some(&testuser1)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let lists = reply.json();
    // Grouped by panel: HBOC before HBOCUTV.
    assert_eq!(allele_ids(&lists["not_started"]), [16, 12]);
    assert_eq!(allele_ids(&lists["marked_review"]), [14]);
    assert_eq!(allele_ids(&lists["ongoing"]), [13]);
    let review = &lists["marked_review"][0];
    assert_eq!(
        review["genepanel"],
        json!({"name": "HBOCUTV", "version": "v01"})
    );
    assert_eq!(review["priority"], 2);
    assert_eq!(review["review_comment"], "recheck");
    assert_eq!(review["warnings"], Value::Null);
    let rounds: Vec<_> = review["interpretations"]
        .as_array()
        .expect("rounds")
        .iter()
        .map(|round| (round["id"].as_i64(), round["workflow_status"].as_str()))
        .collect();
    assert_eq!(
        rounds,
        [(Some(5), Some("Review")), (Some(4), Some("Interpretation"))]
    );
    assert_eq!(
        review["interpretations"][1]["user"]["username"],
        "testuser1"
    );
    assert_eq!(review["interpretations"][1]["allele_id"], 14);
    let waiting = &lists["not_started"][1];
    assert_eq!(waiting["priority"], 1);
    assert_eq!(waiting["review_comment"], Value::Null);
    assert!(waiting["date_created"]
        .as_str()
        .expect("date")
        .ends_with("+00:00"));
    // The allele is the one of `GET /alleles/` with the round's panel.
    let single = get(
        &app,
        "/api/v1/alleles/?q=%7B%22id%22%3A%5B12%5D%7D&gp_name=HBOCUTV&gp_version=v01",
        Some(&testuser1),
    )
    .await;
    assert_eq!(single.status, 200, "{}", single.text());
    assert_eq!(waiting["allele"], single.json()[0]);
    assert_eq!(
        waiting["allele"]["annotation"]["filtered_transcripts"],
        json!(["NM_000059.3"])
    );

    let theirs = get(&app, "/api/v1/overviews/alleles/", Some(&testuser4))
        .await
        .json();
    assert_eq!(allele_ids(&theirs["not_started"]), [1]);
    assert_eq!(allele_ids(&theirs["ongoing"]), Vec::<i64>::new());

    let finalized = get(
        &app,
        "/api/v1/overviews/alleles/finalized/",
        Some(&testuser1),
    )
    .await;
    assert_eq!(finalized.status, 200, "{}", finalized.text());
    assert_eq!(allele_ids(&finalized.json()), [15, 2]);
    assert_eq!(finalized.header("Total-Count"), Some("2"));
    let second = get(
        &app,
        "/api/v1/overviews/alleles/finalized/?per_page=1&page=2",
        Some(&testuser1),
    )
    .await;
    assert_eq!(allele_ids(&second.json()), [2]);
    assert_eq!(second.header("Total-Pages"), Some("2"));
    let none = get(
        &app,
        "/api/v1/overviews/alleles/finalized/",
        Some(&testuser4),
    )
    .await;
    assert_eq!(none.json(), json!([]));
    assert_eq!(
        get(&app, "/api/v1/overviews/alleles/", None).await.status,
        403
    );
}

/// `text` percent-encoded for a query string.
fn encoded(text: &str) -> String {
    text.bytes().fold(String::new(), |mut out, byte| {
        write!(out, "%{byte:02X}").expect("write to a String");
        out
    })
}

/// The hits' allele ids and `Total-Count` of a variant search.
fn hits(reply: &Reply) -> (Vec<i64>, String) {
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["analyses"], json!([]));
    (
        allele_ids(&body["alleles"]),
        reply.header("Total-Count").expect("Total-Count").to_owned(),
    )
}

#[actix_web::test]
async fn variant_search() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let testuser1 = api.session_cookie("testuser1");
    let search =
        |q: Value, rest: &str| format!("/api/v1/search/?q={}{rest}", encoded(&q.to_string()));
    let variants = |freetext: &str, gene: Value| json!({"type": "alleles", "freetext": freetext, "gene": gene, "user": null});
    let brca2 = json!({"hgnc_id": 1101, "symbol": "BRCA2"});

    // Position (1-based) and range.
    let reply = get(
        &app,
        &search(variants("13:32893435", Value::Null), ""),
        Some(&testuser1),
    )
    .await;
    let body = reply.json();
    assert_eq!(hits(&reply), (vec![12], "1".into()));
    let hit = &body["alleles"][0];
    assert_eq!(hit["interpretations"], json!([]));
    assert_eq!(
        hit["allele"]["annotation"]["filtered_transcripts"],
        json!(["NM_000059.3"])
    );
    assert!(hit["allele"].get("allele_assessment").is_none());
    assert!(hit["allele"].get("samples").is_none());
    let in_range = api.number(
        "SELECT count(*) AS n FROM allele WHERE chromosome = '13'
         AND start_position >= 32893434 AND open_end_position <= 32900700",
    );
    let reply = get(
        &app,
        &search(variants("chr13:32893435-32900700", Value::Null), ""),
        Some(&testuser1),
    )
    .await;
    let (ids, total) = hits(&reply);
    assert_eq!(total, in_range.to_string());
    assert!(ids.starts_with(&[12, 13, 14]), "{ids:?}");
    let capped = get(
        &app,
        &search(
            variants("13:32893435-32900700", Value::Null),
            "&limit=2&per_page=1&page=2",
        ),
        Some(&testuser1),
    )
    .await;
    assert_eq!(hits(&capped), (vec![13], "2".into()));
    assert_eq!(capped.header("Total-Pages"), Some("2"));

    // HGVS with gene, with a transcript (any version), protein names; a wrong gene finds none.
    for (freetext, gene) in [
        ("c.289G>T", brca2.clone()),
        ("NM_000059.9:c.289g>t", Value::Null),
        ("p.Glu97Ter", brca2.clone()),
    ] {
        let reply = get(
            &app,
            &search(variants(freetext, gene), ""),
            Some(&testuser1),
        )
        .await;
        assert_eq!(hits(&reply), (vec![12], "1".into()), "{freetext}");
    }
    let wrong_gene = json!({"hgnc_id": 1100});
    let reply = get(
        &app,
        &search(variants("c.289G>T", wrong_gene), ""),
        Some(&testuser1),
    )
    .await;
    assert_eq!(hits(&reply), (vec![], "0".into()));

    // By user: a round of testuser1 on 14, an assessment of testuser1 on 15.
    round(
        &api,
        "(14, 'HBOCUTV', 'Ongoing', 'Interpretation', NULL::boolean, 1, 0, 0)",
    );
    api.execute(
        "INSERT INTO alleleassessment (classification, evaluation, user_id, date_created,
             allele_id, genepanel_name, genepanel_version)
         VALUES ('4', '{}', 1, now(), 15, 'HBOCUTV', 'v01')",
    );
    let by_user = json!({"type": "alleles", "user": {"username": "testuser1"}});
    let reply = get(&app, &search(by_user, ""), Some(&testuser1)).await;
    let body = reply.json();
    assert_eq!(hits(&reply), (vec![14, 15], "2".into()));
    assert_eq!(body["alleles"][0]["interpretations"][0]["user_id"], 1);
    let assessment = &body["alleles"][1]["allele"]["allele_assessment"];
    assert_eq!(assessment["classification"], "4");
    let mut keys: Vec<_> = assessment.as_object().expect("assessment").keys().collect();
    keys.sort();
    assert_eq!(keys, ["classification", "date_created", "id"]);
    let both =
        json!({"type": "alleles", "freetext": "13:32906535", "user": {"username": "testuser1"}});
    let reply = get(&app, &search(both, ""), Some(&testuser1)).await;
    assert_eq!(hits(&reply), (vec![15], "1".into()));
    let nobody = json!({"type": "alleles", "user": {"username": "nobody"}});
    let reply = get(&app, &search(nobody, ""), Some(&testuser1)).await;
    assert_eq!(hits(&reply), (vec![], "0".into()));
}
