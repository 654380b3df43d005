//! The whole container on this machine: the real supervisord with the repository's
//! `supervisord.conf`, which starts the real nginx (`scripts/start-nginx` and `nginx.conf`), the
//! built `ella-api` and `analyses-watcher`, against a per-test database with the demo data.
//!
//! Needs `nginx` and `supervisord` on the `PATH` (`scripts/test` installs them) and the UI build in
//! `web/dist` (`scripts/test` builds it first); without that build, a small fixture `index.html`
//! is served instead (`ELLA_UI_ROOT`).

use std::process::Command;
use std::time::Instant;

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use ella_stack_tests::demo_data::DemoData;
use ella_stack_tests::http::http_with_cookie;
use ella_stack_tests::stack::{Stack, StackOptions};
use ella_test_support::{copy_dir, testdata};

/// The analysis dropped into the incoming folder (its panel is part of the demo data).
const ANALYSIS: &str = "brca_sample_1.HBOC_v01";

/// How many analyses called `name` the stack's database holds.
fn analyses_named(stack: &Stack, name: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    diesel::sql_query("SELECT count(*) AS count FROM analysis WHERE name = $1")
        .bind::<diesel::sql_types::Text, _>(name)
        .get_result::<Count>(&mut stack.db().connect())
        .expect("count analyses")
        .count
}

#[test]
fn nginx_supervisord_api_and_watcher_run_like_the_ella_container() {
    let started = Instant::now();
    let mut stack = Stack::start(StackOptions {
        demo: DemoData::Fixtures,
        ui_root: None,
    });

    // The programs come up: nginx, api and the watcher running; polling defined, not started.
    stack.wait_until_ready();
    let states = stack.states();
    assert!(
        states
            .iter()
            .any(|(name, state)| name == "polling" && state == "STOPPED"),
        "{states:?}"
    );

    // The UI and its single-page-application fallback.
    for path in ["/", "/overview/analyses", "/analyses/1"] {
        let response = stack.request("GET", path, None);
        assert_eq!(response.status, 200, "GET {path}");
        assert_eq!(response.body, stack.index_html(), "GET {path}");
        assert!(
            response
                .header("content-type")
                .is_some_and(|value| value.starts_with("text/html")),
            "GET {path}: {:?}",
            response.headers
        );
    }

    // The API behind nginx.
    let config = stack.request("GET", "/api/v1/config/", None);
    assert_eq!(config.status, 200, "{}", config.body);
    assert!(
        config
            .header("content-type")
            .is_some_and(|value| value.starts_with("application/json")),
        "{:?}",
        config.headers
    );
    assert!(config.body.trim_start().starts_with('{'), "{}", config.body);
    let session = stack.login("testuser1", "demo");

    // A crashed API is restarted by supervisord.
    let old_pid = stack.pid("api").expect("pid of api");
    let killed = Command::new("kill")
        .args(["-KILL", &old_pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    stack.wait_until("supervisord to restart the api", 30, || {
        stack.pid("api").is_some_and(|pid| pid != old_pid) && stack.api_answers()
    });

    // An analysis folder with READY in the incoming folder is imported and moved.
    let incoming = stack.var("ANALYSES_INCOMING");
    let staging = stack.temp_dir().join("staging").join(ANALYSIS);
    copy_dir(&testdata(&format!("analyses/default/{ANALYSIS}")), &staging);
    std::fs::rename(&staging, incoming.join(ANALYSIS)).expect("move into incoming");
    std::fs::write(incoming.join(ANALYSIS).join("READY"), b"").expect("READY");
    stack.wait_until("the analysis import", 90, || {
        analyses_named(&stack, ANALYSIS) == 1
    });
    let imported = stack.var("ANALYSES_PATH").join(ANALYSIS);
    stack.wait_until("the move to ANALYSES_PATH", 30, || imported.is_dir());
    // The analyses list, where the API has it (an older API answers 404).
    let list = http_with_cookie(
        stack.port(),
        "GET",
        "/api/v1/analyses/",
        None,
        Some(&session),
    )
    .expect("GET /api/v1/analyses/");
    if list.status != 404 {
        assert_eq!(list.status, 200, "{}", list.body);
        assert!(list.body.contains(ANALYSIS), "{}", list.body);
    }

    // A clean stop.
    assert!(stack.shutdown(), "supervisord did not shut down");
    let exit = stack.supervisord_exit();
    assert!(exit.success(), "supervisord exited with {exit}");
    eprintln!("full stack test took {:?}", started.elapsed());
}
