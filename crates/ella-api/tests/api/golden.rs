//! Responses compared with those of ELLA v1.17.2 (`testdata/golden/`), as parsed JSON.

use actix_web::test;
use ella_test_support::{repo_root, testdata};
use serde_json::Value;

use ella_test_support::E2E_ANALYSES;

use crate::common::{get, TestApi};

/// The recorded request and response of `name`.
fn recorded(name: &str) -> Value {
    let path = testdata(&format!("golden/{name}.json"));
    let text = std::fs::read_to_string(&path).expect("golden file");
    let recorded: Value = serde_json::from_str(&text).expect("golden JSON");
    assert_eq!(recorded["status"], 200);
    recorded
}

/// The recorded response of `name`.
fn golden(name: &str) -> Value {
    recorded(name)["response"].take()
}

/// Every place where `actual` and `expected` differ, as JSON pointers.
fn differences(at: &str, actual: &Value, expected: &Value) -> Vec<String> {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => {
            let mut found = Vec::new();
            for key in actual.keys().chain(expected.keys()) {
                let here = format!("{at}/{key}");
                match (actual.get(key), expected.get(key)) {
                    (Some(a), Some(e)) => found.extend(differences(&here, a, e)),
                    (None, _) => found.push(format!("{here}: missing")),
                    (_, None) => found.push(format!("{here}: not in ELLA's response")),
                }
            }
            found.sort();
            found.dedup();
            found
        }
        (Value::Array(actual), Value::Array(expected)) if actual.len() == expected.len() => actual
            .iter()
            .zip(expected)
            .enumerate()
            .flat_map(|(index, (a, e))| differences(&format!("{at}/{index}"), a, e))
            .collect(),
        _ if actual == expected => Vec::new(),
        _ => vec![format!("{at}: {actual} instead of {expected}")],
    }
}

fn assert_same(actual: &Value, expected: &Value) {
    let found = differences("", actual, expected);
    assert!(found.is_empty(), "differences:\n{}", found.join("\n"));
}

#[actix_web::test]
async fn config_of_testuser1() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let cookie = api.session_cookie("testuser1");
    let reply = get(&app, "/api/v1/config/", Some(&cookie)).await;
    assert_eq!(reply.status, 200);
    let mut config = reply.json();
    // The golden file has a placeholder for ELLA's installation root.
    let script = config["import"]["preimport_script"]
        .as_str()
        .expect("preimport_script")
        .replace(&repo_root().display().to_string(), "<ELLA_ROOT>");
    config["import"]["preimport_script"] = Value::String(script);
    assert_same(&config, &golden("config__testuser1"));
}

#[actix_web::test]
async fn current_user_of_testuser1_and_testuser4() {
    let api = TestApi::with_fixtures();
    // The recorded password expiry of the fixtures.
    api.execute(r#"UPDATE "user" SET password_expiry = '2027-03-30 15:03:01.396863+00'"#);
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    for username in ["testuser1", "testuser4"] {
        let cookie = api.session_cookie(username);
        let reply = get(&app, "/api/v1/users/currentuser/", Some(&cookie)).await;
        assert_eq!(reply.status, 200);
        assert_same(
            &reply.json(),
            &golden(&format!("users_currentuser__{username}")),
        );
    }
}

#[actix_web::test]
async fn anonymous_config_has_the_files_user_config() {
    let api = TestApi::with_fixtures();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let anonymous = get(&app, "/api/v1/config/", None).await.json();
    let expected = &golden("config__testuser1");
    // Everything but the user config is the same for everyone.
    for key in [
        "app",
        "analysis",
        "acmg",
        "custom_annotation",
        "transcripts",
        "igv",
    ] {
        assert_same(&anonymous[key], &expected[key]);
    }
    assert_same(&anonymous["user"]["auth"], &expected["user"]["auth"]);
    let user_config = &anonymous["user"]["user_config"];
    assert_eq!(user_config["overview"]["views"][0], "analyses");
    // The file's default has no group keys (the golden file's `acmg` comes from testgroup01).
    assert!(user_config.get("acmg").is_none(), "{user_config}");
}

/// `analysis` without the times that differ on every deposit, samples in id order (ELLA's order
/// is the database's, docs/compatibility.md).
fn without_deposit_times(mut analysis: Value) -> Value {
    let object = analysis.as_object_mut().expect("an analysis object");
    object.remove("date_deposited");
    for round in object["interpretations"]
        .as_array_mut()
        .expect("interpretations")
    {
        round
            .as_object_mut()
            .expect("a round")
            .remove("date_last_update");
    }
    let samples = object["samples"].as_array_mut().expect("samples");
    for sample in samples.iter_mut() {
        sample
            .as_object_mut()
            .expect("a sample")
            .remove("date_deposited");
    }
    samples.sort_by_key(|sample| sample["id"].as_i64());
    analysis
}

#[actix_web::test]
async fn analyses_of_the_golden_runs() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    for name in E2E_ANALYSES {
        let mut call = recorded(&format!("analyses__{name}"));
        let request = &call["request"];
        let user = request["user"].as_str().expect("user");
        let path = request["path"].as_str().expect("path");
        let reply = get(&app, path, Some(&api.session_cookie(user))).await;
        assert_eq!(reply.status, 200, "{name}: {}", reply.text());
        assert_same(
            &without_deposit_times(reply.json()),
            &without_deposit_times(call["response"].take()),
        );
    }
}

/// Tags that only the workflow endpoint can set: it takes a filter config and runs the
/// segregation filter (api.md §6.6); `GET /alleles/` has no filter config.
const SEGREGATION_TAGS: [&str; 5] = [
    "denovo",
    "parental_mosaicism",
    "compound_heterozygous",
    "autosomal_recessive_homozygous",
    "xlinked_recessive_homozygous",
];

/// `alleles` sorted by id, without the deposit times of their samples and without what only the
/// workflow endpoint's filter config adds (segregation tags, `p_denovo`).
fn comparable_alleles(mut alleles: Value) -> Value {
    fn strip_sample(sample: &mut Value) {
        let object = sample.as_object_mut().expect("a sample");
        object.remove("date_deposited");
        object["genotype"]
            .as_object_mut()
            .expect("a genotype")
            .remove("p_denovo");
        for parent in ["father", "mother"] {
            if let Some(member) = object.get_mut(parent) {
                strip_sample(member);
            }
        }
        if let Some(siblings) = object.get_mut("siblings") {
            siblings
                .as_array_mut()
                .expect("siblings")
                .iter_mut()
                .for_each(strip_sample);
        }
    }
    let list = alleles.as_array_mut().expect("a list of alleles");
    for allele in list.iter_mut() {
        let object = allele.as_object_mut().expect("an allele");
        if let Some(samples) = object.get_mut("samples") {
            samples
                .as_array_mut()
                .expect("samples")
                .iter_mut()
                .for_each(strip_sample);
        }
        object["tags"]
            .as_array_mut()
            .expect("tags")
            .retain(|tag| !SEGREGATION_TAGS.contains(&tag.as_str().expect("a tag")));
    }
    list.sort_by_key(|allele| allele["id"].as_i64());
    alleles
}

/// `GET /alleles/` with the ids, panel and analysis of each recorded workflow allele list gives
/// the same allele objects. The workflow endpoint also took `filterconfig_id`, so segregation
/// tags and `p_denovo` are left out of the comparison (api.md §6.8: only the workflow endpoint
/// has a filter config); its order is unspecified, so both lists are compared by id.
#[actix_web::test]
async fn alleles_of_the_golden_workflow_lists() {
    let api = TestApi::with_analyses();
    let app = test::init_service(ella_api::app(api.state.clone())).await;
    let mut compared = 0;
    for name in E2E_ANALYSES {
        for phase in ["before_start_current", "after_start"] {
            let file = format!("workflows_analyses_alleles__{name}__{phase}");
            if !testdata(&format!("golden/{file}.json")).exists() {
                continue;
            }
            let mut call = recorded(&file);
            let request = &call["request"];
            let user = request["user"].as_str().expect("user");
            let analysis_id = request["path"]
                .as_str()
                .expect("path")
                .split('/')
                .nth(5)
                .expect("analysis id")
                .to_owned();
            let ids = request["query"]["allele_ids"].as_str().expect("allele_ids");
            let panel = name.rsplit_once('.').expect("panel in the name").1;
            let (gp_name, gp_version) = panel.rsplit_once('_').expect("panel version");
            let uri = format!(
                "/api/v1/alleles/?q=%7B%22id%22%3A%5B{}%5D%7D&gp_name={gp_name}&gp_version={gp_version}&analysis_id={analysis_id}",
                ids.replace(',', "%2C")
            );
            let reply = get(&app, &uri, Some(&api.session_cookie(user))).await;
            assert_eq!(reply.status, 200, "{file}: {}", reply.text());
            assert_same(
                &comparable_alleles(reply.json()),
                &comparable_alleles(call["response"].take()),
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 8, "every recorded workflow allele list");
}
