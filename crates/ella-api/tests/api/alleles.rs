//! The allele resources (api.md §4.3, §4.6) on the golden runs' database, with one classified
//! variant added: the allele object with its assessments, the `link` filter, the assessment
//! lists, genes by allele, the audited analyses of an allele and ELLA's answers to bad input.

use actix_web::test;
use serde_json::{json, Value};

use crate::common::{encode, get, post_json, TestApi};

/// A BRCA2 variant of `brca_e2e_test01` (analysis 2, panel HBOCUTV v01).
const ALLELE: i32 = 12;

/// Classifies [`ALLELE`] as testuser1 of testgroup01: assessment 1, report 1 and reference
/// assessment 1 (reference 1), all current.
fn classify(api: &TestApi) {
    api.execute(&format!(
        r#"INSERT INTO alleleassessment (classification, evaluation, user_id, date_created,
               allele_id, genepanel_name, genepanel_version, analysis_id, usergroup_id)
           VALUES ('4', '{{"acmg": {{"included": []}}}}', 1, '2024-01-01 10:00:00+00',
               {ALLELE}, 'HBOCUTV', 'v01', 2, 1)"#
    ));
    api.execute(&format!(
        r#"INSERT INTO allelereport (evaluation, user_id, date_created, allele_id, analysis_id,
               alleleassessment_id, usergroup_id)
           VALUES ('{{"comment": "reported"}}', 1, '2024-01-01 10:00:00+00', {ALLELE}, 2, 1, 1)"#
    ));
    api.execute(&format!(
        r#"INSERT INTO referenceassessment (reference_id, evaluation, user_id, date_created,
               genepanel_name, genepanel_version, allele_id, analysis_id, usergroup_id)
           VALUES (1, '{{"relevance": "Yes"}}', 1, '2024-01-01 10:00:00+00', 'HBOCUTV', 'v01',
               {ALLELE}, 2, 1)"#
    ));
}

fn alleles_uri(q: &str, extra: &str) -> String {
    format!("/api/v1/alleles/?q={}{extra}", encode(q))
}

#[actix_web::test]
async fn allele_objects_carry_current_or_linked_assessments() {
    let api = TestApi::with_analyses();
    classify(&api);
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let q = format!(r#"{{"id": [{ALLELE}, 13]}}"#);
    let reply = get(&app, &alleles_uri(&q, ""), Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("Total-Count"), Some("2"));
    let alleles = reply.json();
    let allele = &alleles[0];
    assert_eq!(allele["id"], ALLELE);
    // Without an analysis: no samples; without a panel: no panel transcripts.
    assert!(allele.get("samples").is_none());
    assert_eq!(allele["annotation"]["filtered_transcripts"], json!([]));
    // ... so the worst consequence is never in a panel transcript (api.md §6.7).
    let warning = allele["warnings"]["worse_consequence"]
        .as_str()
        .expect("a warning");
    assert!(
        warning.starts_with("Worse consequences found in: NM_"),
        "{warning}"
    );
    assert!(allele["warnings"].get("nearby_allele").is_none());
    let assessment = &allele["allele_assessment"];
    assert_eq!(assessment["id"], 1);
    assert_eq!(assessment["classification"], "4");
    assert_eq!(assessment["date_created"], "2024-01-01T10:00:00+00:00");
    assert_eq!(assessment["date_superceeded"], Value::Null);
    assert_eq!(assessment["user"]["username"], "testuser1");
    assert_eq!(assessment["user"]["user_group_name"], "testgroup01");
    assert_eq!(
        assessment["usergroup"],
        json!({"id": 1, "name": "testgroup01"})
    );
    assert_eq!(assessment["attachment_ids"], json!([]));
    assert!(assessment["seconds_since_update"].as_f64().unwrap() > 0.0);
    assert_eq!(
        allele["allele_report"]["evaluation"],
        json!({"comment": "reported"})
    );
    assert_eq!(allele["reference_assessments"][0]["reference_id"], 1);
    // An allele without any has none of the keys.
    for key in [
        "allele_assessment",
        "allele_report",
        "reference_assessments",
    ] {
        assert!(alleles[1].get(key).is_none(), "{key}");
    }

    // `link`: an empty list loads none, an id of another allele is dropped.
    let link =
        encode(r#"{"alleleassessment_id": [], "allelereport_id": 1, "annotation_id": [13]}"#);
    let linked = get(
        &app,
        &alleles_uri(&q, &format!("&link={link}")),
        Some(&cookie),
    )
    .await
    .json();
    assert!(linked[0].get("allele_assessment").is_none());
    assert_eq!(linked[0]["allele_report"]["id"], 1);
    assert!(
        linked[0].get("annotation").is_none(),
        "annotation 13 is allele 13's"
    );
    assert_eq!(linked[1]["annotation"]["annotation_id"], 13);
    assert_eq!(linked[0]["reference_assessments"][0]["id"], 1);
}

#[actix_web::test]
async fn assessment_resources() {
    let api = TestApi::with_analyses();
    classify(&api);
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser4");
    let list = |path: String| {
        let (app, cookie) = (&app, cookie.clone());
        async move { get(app, &path, Some(&cookie)).await }
    };
    for (resource, q) in [
        (
            "alleleassessments",
            format!(r#"{{"allele_id": {ALLELE}, "date_superceeded": null}}"#),
        ),
        ("allelereports", format!(r#"{{"allele_id": "{ALLELE}"}}"#)),
        (
            "referenceassessments",
            r#"{"reference_id": [1, 2]}"#.to_owned(),
        ),
    ] {
        let found = list(format!("/api/v1/{resource}/?q={}", encode(&q))).await;
        assert_eq!(found.status, 200, "{resource}: {}", found.text());
        assert_eq!(found.header("Total-Count"), Some("1"), "{resource}");
        assert_eq!(found.json()[0]["id"], 1, "{resource}");
        let none = list(format!("/api/v1/{resource}/?q={}", encode(r#"{"id": []}"#))).await;
        assert_eq!(none.json(), json!([]));
        let one = list(format!("/api/v1/{resource}/1/")).await;
        assert_eq!(
            without_seconds(one.json()),
            without_seconds(found.json()[0].clone())
        );
        list(format!("/api/v1/{resource}/99/"))
            .await
            .assert_message(500, "Internal Server Error");
        list(format!(
            "/api/v1/{resource}/?q={}",
            encode(r#"{"password": 1}"#)
        ))
        .await
        .assert_message(500, "Internal Server Error");
        assert_eq!(
            get(&app, &format!("/api/v1/{resource}/"), None)
                .await
                .status,
            403
        );
    }
    // Declared but broken in ELLA: refused after validation, nothing written.
    let body = json!({"allele_id": ALLELE, "reference_id": 2, "evaluation": {},
                      "genepanel_name": "HBOCUTV", "genepanel_version": "v01"});
    for body in [body, json!({"allele_id": ALLELE})] {
        post_json(&app, "/api/v1/referenceassessments/", &body, Some(&cookie))
            .await
            .assert_message(500, "Internal Server Error");
    }
    assert_eq!(
        api.number("SELECT count(*) AS n FROM referenceassessment"),
        1
    );
    let classified = list(format!(
        "/api/v1/alleleassessments/?q={}",
        encode(r#"{"classification": "4"}"#)
    ))
    .await
    .json();
    assert_eq!(classified[0]["classification"], "4");
}

/// `value` without `seconds_since_update`, which differs between two calls.
fn without_seconds(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.remove("seconds_since_update");
    }
    value
}

#[actix_web::test]
async fn genes_and_audited_analyses_of_alleles() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let genes = get(
        &app,
        &format!("/api/v1/alleles/by-gene/?allele_ids={ALLELE},%2013"),
        Some(&cookie),
    )
    .await;
    assert_eq!(genes.status, 200, "{}", genes.text());
    assert_eq!(
        genes.json(),
        json!([
            {"symbol": "BRCA2", "hgnc_id": 1101, "allele_ids": [ALLELE, 13]},
            {"symbol": "ZAR1L", "hgnc_id": 37116, "allele_ids": [ALLELE]},
        ])
    );
    for bad in ["", "?allele_ids=", "?allele_ids=1,x"] {
        get(
            &app,
            &format!("/api/v1/alleles/by-gene/{bad}"),
            Some(&cookie),
        )
        .await
        .assert_message(500, "Internal Server Error");
    }

    let path = format!("/api/v1/alleles/{ALLELE}/analyses/");
    let analyses = get(&app, &path, Some(&cookie)).await;
    assert_eq!(analyses.status, 200, "{}", analyses.text());
    let ids: Vec<i64> = analyses
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|analysis| analysis["id"].as_i64().unwrap())
        .collect();
    // brca_e2e_test01 and test02 show the variant; HG002 (testgroup02's) is never listed.
    assert!(ids.starts_with(&[2, 3]) && !ids.contains(&1), "{ids:?}");
    assert_eq!(
        api.number(&format!(
            "SELECT count(*) AS n FROM resourcelog WHERE resource = '{path}' AND response = '{}'",
            analyses.text().replace('\'', "''")
        )),
        1,
        "the response is kept for auditing"
    );
    assert_eq!(
        api.number("SELECT count(*) AS n FROM resourcelog WHERE response IS NOT NULL"),
        1,
        "no other response is kept"
    );
}

#[actix_web::test]
async fn bad_allele_requests_get_ellas_error() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let ids = r#"{"id": [12]}"#;
    for uri in [
        "/api/v1/alleles/?q=%7B".to_owned(),
        alleles_uri(r#"{"nope": 1}"#, ""),
        alleles_uri(r#"{"vcf_pos": "abc"}"#, ""),
        alleles_uri(r#"{"id": {"$regex": 1}}"#, ""),
        alleles_uri(ids, "&link=%7B"),
        alleles_uri(ids, &format!("&link={}", encode("[1]"))),
        alleles_uri(
            ids,
            &format!("&link={}", encode(r#"{"annotation_id": "x"}"#)),
        ),
        alleles_uri(ids, "&analysis_id=x"),
        alleles_uri(ids, "&analysis_id=99"),
        alleles_uri(ids, "&gp_name=HBOCUTV&gp_version=v99"),
        alleles_uri(ids, "&page=x"),
    ] {
        get(&app, &uri, Some(&cookie))
            .await
            .assert_message(500, "Internal Server Error");
    }
    assert_eq!(get(&app, &alleles_uri(ids, ""), None).await.status, 403);
    // The UI's lookup by variant identifier, with a string for the integer column.
    let found = get(
        &app,
        &alleles_uri(
            r#"{"chromosome": "13", "vcf_pos": "32893435", "vcf_ref": "G", "vcf_alt": "T"}"#,
            "",
        ),
        Some(&cookie),
    )
    .await
    .json();
    assert_eq!(found[0]["id"], ALLELE);
    let nothing = get(&app, &alleles_uri(r#"{"id": []}"#, ""), Some(&cookie)).await;
    assert_eq!(
        (nothing.json(), nothing.header("Total-Count")),
        (json!([]), Some("0"))
    );
}

#[actix_web::test]
async fn trio_genotypes_in_the_analysis_context() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser4");
    // HG002-Trio: 4:77100807 T>C is 0/1 in the proband HG002 and the mother HG004, 0/0 in the
    // father HG003.
    let uri = alleles_uri(
        r#"{"chromosome": "4", "vcf_pos": "77100807"}"#,
        "&analysis_id=1&gp_name=Mendeliome&gp_version=v01",
    );
    let reply = get(&app, &uri, Some(&cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let allele = &reply.json()[0];
    assert_eq!(allele["tags"], json!(["has_references"]));
    let samples = allele["samples"].as_array().expect("samples");
    assert_eq!(samples.len(), 1, "only the proband carrying the allele");
    let proband = &samples[0];
    assert_eq!(proband["identifier"], "HG002");
    let genotype = &proband["genotype"];
    assert_eq!(genotype["type"], "Heterozygous");
    assert_eq!(genotype["formatted"], "T/C");
    assert_eq!(genotype["needs_verification"], false);
    assert_eq!(genotype["allele_ratio"], 18.0 / 40.0);
    for (parent, name, formatted) in [("father", "HG003", "T/T"), ("mother", "HG004", "T/C")] {
        let member = &proband[parent];
        assert_eq!(member["identifier"], name, "{parent}");
        assert_eq!(member["genotype"]["formatted"], formatted, "{parent}");
        // The parents' genotypes carry the proband genotype's quality and filter.
        assert_eq!(
            member["genotype"]["variant_quality"],
            genotype["variant_quality"]
        );
        assert_ne!(
            member["genotype"]["id"], genotype["id"],
            "{parent}'s own row"
        );
        assert!(member.get("father").is_none() && member.get("siblings").is_none());
    }
    assert!(proband.get("siblings").is_none());
}
