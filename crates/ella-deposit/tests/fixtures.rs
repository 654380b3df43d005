//! The configuration fixture imports on real databases: the test data of ELLA loads as ELLA
//! loads it, re-imports reuse what exists, and bad input is refused with a message naming the
//! file and item or line, leaving the database unchanged.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use ella_config::Config;
use ella_core::password::{verify_password, PasswordPolicy};
use ella_deposit::fixtures::annotationconfig::{
    deposit_annotation_config, parse_annotation_config,
};
use ella_deposit::fixtures::filterconfigs::{
    deactivate_filterconfig, deposit_filterconfigs, plan_deactivation, DeactivationPlan,
    FilterconfigSummary,
};
use ella_deposit::fixtures::references::{import_references, ReferenceCounts};
use ella_deposit::fixtures::usergroups::import_usergroups;
use ella_deposit::fixtures::users::{import_users, PasswordHandling, UserImportOptions};
use ella_deposit::fixtures::JsonFixture;
use ella_deposit::Error;
use ella_test_support::{example_config, testdata, TestDatabase};
use rand::rngs::StdRng;
use rand::SeedableRng;
use serde_json::{json, Value};

const DEMO_PASSWORD: &str = "demo";

struct Setup {
    _database: TestDatabase,
    conn: PgConnection,
    config: Config,
}

/// A migrated database with the four test panels, inserted directly so that these tests do not
/// depend on the gene panel import.
fn setup() -> Setup {
    let database = TestDatabase::migrated();
    let mut conn = database.connect();
    conn.batch_execute(
        "INSERT INTO genepanel (name, version, genome_reference, official, date_created) VALUES
            ('HBOC', 'v01', 'GRCh37', true, now()),
            ('HBOCUTV', 'v01', 'GRCh37', true, now()),
            ('Ciliopati', 'v05', 'GRCh37', true, now()),
            ('Mendeliome', 'v01', 'GRCh37', true, now())",
    )
    .expect("insert the test panels");
    Setup {
        _database: database,
        conn,
        config: example_config(),
    }
}

fn fixture(name: &str) -> JsonFixture {
    JsonFixture::read(&testdata(&format!("fixtures/{name}"))).expect("fixture file")
}

/// `fixture(name)` with its items changed by `edit`.
fn edited_fixture(name: &str, edit: impl FnOnce(&mut Vec<Value>)) -> JsonFixture {
    let mut edited = fixture(name);
    edit(&mut edited.items);
    edited
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .expect("count query")
        .count
}

fn text(conn: &mut PgConnection, sql: &str) -> String {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        value: String,
    }
    diesel::sql_query(sql)
        .get_result::<Row>(conn)
        .expect("text query")
        .value
}

fn load_groups(setup: &mut Setup) -> Vec<String> {
    import_usergroups(
        &mut setup.conn,
        &fixture("usergroups.json"),
        &[],
        &setup.config,
    )
    .expect("usergroups.json loads")
}

fn stored_passwords() -> UserImportOptions<'static> {
    UserImportOptions {
        groups_filter: &[],
        passwords: PasswordHandling::StoredPasswords,
    }
}

fn load_users(setup: &mut Setup) -> Vec<String> {
    import_users(
        &mut setup.conn,
        &fixture("users.json"),
        &stored_passwords(),
        &mut StdRng::seed_from_u64(1),
    )
    .expect("users.json loads")
}

fn load_filterconfigs(setup: &mut Setup, fixture: &JsonFixture) -> FilterconfigSummary {
    deposit_filterconfigs(&mut setup.conn, fixture, &setup.config).expect("filter configs load")
}

/// The summary table's (name, order, usergroup, change) rows.
fn summary_rows(conn: &mut PgConnection, summary: &FilterconfigSummary) -> Vec<String> {
    ella_db::filterconfig::active_links(conn)
        .expect("active links")
        .iter()
        .map(|link| {
            format!(
                "{} {} {} {}",
                link.name,
                link.order,
                link.usergroup,
                summary.change(link)
            )
        })
        .collect()
}

/// The annotation config fixture and its path.
fn annotation_config() -> (PathBuf, Value) {
    let path = testdata("fixtures/annotation-config.yml");
    let text = std::fs::read_to_string(&path).expect("annotation-config.yml");
    let config = parse_annotation_config(&text, &path).expect("the fixture parses");
    (path, config)
}

fn policy(config: &Config) -> PasswordPolicy {
    let auth = &config.settings.user.auth;
    PasswordPolicy::new(
        auth.password_minimum_length as usize,
        &auth.password_match_groups,
        auth.password_num_match_groups as usize,
    )
    .expect("the example policy is valid")
}

#[test]
fn the_test_data_loads_like_ellas() {
    let mut setup = setup();
    load_and_check_groups(&mut setup);
    load_and_check_users(&mut setup);
    load_and_check_filterconfigs(&mut setup);
    load_and_check_references(&mut setup.conn);
    load_and_check_annotation_config(&mut setup.conn);
}

fn load_and_check_groups(setup: &mut Setup) {
    assert_eq!(
        load_groups(setup),
        [
            "Added user group testgroup01",
            "Added user group testgroup02",
            "Added user group testgroup03"
        ]
    );
    let conn = &mut setup.conn;
    assert_eq!(count(conn, "SELECT count(*) FROM usergroup"), 3);
    assert_eq!(count(conn, "SELECT count(*) FROM usergroupgenepanel"), 8);
    assert_eq!(count(conn, "SELECT count(*) FROM usergroupimport"), 4);
    assert_eq!(
        text(
            conn,
            "SELECT default_import_genepanel_name || ' ' || default_import_genepanel_version \
             AS value FROM usergroup WHERE name = 'testgroup02'"
        ),
        "Mendeliome v01"
    );
    assert_eq!(
        text(
            conn,
            "SELECT string_agg(target.name, ',' ORDER BY target.name) AS value \
             FROM usergroupimport JOIN usergroup source ON source.id = usergroup_id \
             JOIN usergroup target ON target.id = usergroupimport_id \
             WHERE source.name = 'testgroup01'"
        ),
        "testgroup01,testgroup02"
    );
}

fn load_and_check_users(setup: &mut Setup) {
    let messages = load_users(setup);
    assert_eq!(messages.len(), 8);
    assert_eq!(messages[0], "Adding user testuser1");
    let conn = &mut setup.conn;
    assert_eq!(count(conn, "SELECT count(*) FROM \"user\""), 8);
    for number in 1..=8 {
        let user = ella_db::user::find_by_username(conn, &format!("testuser{number}"))
            .expect("user query")
            .expect("user exists");
        assert!(verify_password(DEMO_PASSWORD, &user.password), "{number}");
        assert_eq!(
            user.password_expiry.to_rfc3339(),
            "2027-03-30T15:03:01.396863+00:00"
        );
        assert!(user.active);
    }
}

fn load_and_check_filterconfigs(setup: &mut Setup) {
    let summary = load_filterconfigs(setup, &fixture("filterconfigs.json"));
    let conn = &mut setup.conn;
    assert_eq!(count(conn, "SELECT count(*) FROM filterconfig"), 3);
    assert_eq!(count(conn, "SELECT count(*) FROM usergroupfilterconfig"), 6);
    assert_eq!(
        summary_rows(conn, &summary),
        [
            "Default 0 testgroup01 Filterconfig created",
            "TrioDefault 0 testgroup02 Filterconfig created",
            "SingleDefault 100 testgroup02 Filterconfig created",
            "Default 0 testgroup03 Filterconfig created",
            "TrioDefault 1000 testgroup03 Filterconfig created",
            "SingleDefault 1100 testgroup03 Filterconfig created",
        ]
    );
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM filterconfig WHERE schema_version = 3"
        ),
        3
    );

    let again = load_filterconfigs(setup, &fixture("filterconfigs.json"));
    assert_eq!(again, FilterconfigSummary::default());
    let conn = &mut setup.conn;
    assert_eq!(count(conn, "SELECT count(*) FROM filterconfig"), 3);
    assert!(summary_rows(conn, &again)
        .iter()
        .all(|row| row.ends_with(' ')));
}

fn load_and_check_references(conn: &mut PgConnection) {
    let path = testdata("fixtures/references.json");
    let references = std::fs::read_to_string(&path).expect("references.json");
    assert_eq!(
        import_references(conn, &references, &path).expect("references.json loads"),
        ReferenceCounts {
            created: 367,
            updated: 0
        }
    );
    assert_eq!(count(conn, "SELECT count(*) FROM reference"), 367);
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM reference WHERE search IS NOT NULL AND published"
        ),
        367
    );
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM reference WHERE search @@ to_tsquery('english', 'hungarian')"
        ),
        1
    );
}

fn load_and_check_annotation_config(conn: &mut PgConnection) {
    assert_eq!(count(conn, "SELECT count(*) FROM annotationconfig"), 1);
    let (path, config) = annotation_config();
    assert_eq!(
        deposit_annotation_config(conn, &config, &path).expect("the fixture deposits"),
        2
    );
    assert_eq!(count(conn, "SELECT count(*) FROM annotationconfig"), 2);
    let active = ella_db::annotationconfig::active_annotation_config(conn)
        .expect("config query")
        .expect("a config is active");
    assert_eq!(active.deposit, config["deposit"]);
    let keys = |value: &Value| {
        value
            .as_object()
            .map(|map| map.keys().cloned().collect::<Vec<_>>())
    };
    assert_eq!(
        keys(&active.view[0]),
        keys(&config["view"][0]),
        "the json column keeps key order"
    );
    let unchanged = "The annotation config matches the current active annotation config.";
    let refused = |conn: &mut PgConnection, config: &Value| {
        deposit_annotation_config(conn, config, &path).map_err(|error| error.to_string())
    };
    assert_eq!(refused(conn, &config), Err(unchanged.to_owned()));
    // Order and repeats of `deposit` items do not count.
    let mut shuffled = config.clone();
    if let Some(deposit) = shuffled["deposit"].as_array_mut() {
        deposit.reverse();
        deposit.push(deposit[0].clone());
    }
    assert_eq!(refused(conn, &shuffled), Err(unchanged.to_owned()));
    assert_eq!(count(conn, "SELECT count(*) FROM annotationconfig"), 2);
}

#[test]
fn reimporting_groups_updates_them_and_keeps_unofficial_panels() {
    let mut setup = setup();
    load_groups(&mut setup);
    setup
        .conn
        .batch_execute(
            "INSERT INTO genepanel (name, version, genome_reference, official, date_created)
                 VALUES ('Custom', 'v1', 'GRCh37', false, now());
             INSERT INTO usergroupgenepanel (usergroup_id, genepanel_name, genepanel_version)
                 SELECT id, 'Custom', 'v1' FROM usergroup WHERE name = 'testgroup01';",
        )
        .unwrap();
    let groups = edited_fixture("usergroups.json", |items| {
        items[0]["genepanels"] = json!([["HBOC"]]);
        items[0]["default_import_genepanel"] = json!(["HBOC"]);
        items[0]["config"] = json!({"overview": {"views": ["variants"]}});
        items[0]["import_groups"] = json!(["testgroup03"]);
        items[0]["unknown"] = json!("ignored for an existing group");
    });
    let messages = import_usergroups(
        &mut setup.conn,
        &groups,
        &[" TESTGROUP01".to_owned()],
        &setup.config,
    )
    .unwrap();
    assert_eq!(
        messages,
        ["User group testgroup01 already exists, updating record..."]
    );
    let conn = &mut setup.conn;
    assert_eq!(
        text(
            conn,
            "SELECT string_agg(genepanel_name, ',' ORDER BY genepanel_name) AS value \
             FROM usergroupgenepanel JOIN usergroup ON usergroup.id = usergroup_id \
             WHERE usergroup.name = 'testgroup01'"
        ),
        "Custom,HBOC"
    );
    assert_eq!(
        text(
            conn,
            "SELECT config::text AS value FROM usergroup WHERE name = 'testgroup01'"
        ),
        r#"{"overview": {"views": ["variants"]}}"#
    );
    assert_eq!(count(conn, "SELECT count(*) FROM usergroupimport"), 3);

    let listing = ella_db::user::list_users(conn, None, None).unwrap();
    assert!(listing.is_empty());
}

#[test]
fn add_many_generates_one_time_passwords_and_reports_changes() {
    let mut setup = setup();
    load_groups(&mut setup);
    let policy = policy(&setup.config);
    let options = UserImportOptions {
        groups_filter: &[" TestGroup03 ".to_owned()],
        passwords: PasswordHandling::OneTimePasswords(&policy),
    };
    let mut rng = StdRng::seed_from_u64(7);
    let messages =
        import_users(&mut setup.conn, &fixture("users.json"), &options, &mut rng).unwrap();
    assert_eq!(messages.len(), 2);
    let (start, password) = messages[0].rsplit_once(' ').unwrap();
    assert_eq!(
        start,
        "Added user testuser7 (Spångberg, Marie, testuser7@foo.bar) with password"
    );
    assert!(policy.accepts(password));
    let conn = &mut setup.conn;
    let user = ella_db::user::find_by_username(conn, "testuser7")
        .unwrap()
        .unwrap();
    assert!(verify_password(password, &user.password));
    assert_eq!(user.password_expiry.timestamp(), 0);
    assert_eq!(user.config, Some(json!({})));

    // Existing users get every given key written; ELLA shows text as Python bytes and always
    // lists a given expiry (database datetime vs. file text).
    let users = edited_fixture("users.json", |items| {
        items[6]["first_name"] = json!("Marie Kristine");
        items[6]["group"] = json!("testgroup01");
        items[6]["config"] = json!({"overview": {"views": ["variants"]}});
        items[7].as_object_mut().unwrap().remove("password_expiry");
    });
    let old_hash = user_hash(conn, "testuser8");
    let messages = import_users(conn, &users, &options, &mut rng).unwrap();
    let hash = "$2b$12$jnaP0oueuKUJNiJpAEW.0.d8s57ISKebdVvFQ/ZtHj3/UUkn2VCRa";
    assert_eq!(
        messages,
        [
            "User testuser8 (Skjelderup, Michael) has been modified: ".to_owned(),
            format!("\tpassword: b'{old_hash}' ---> b'{hash}'"),
        ][..],
        "testuser7 is in testgroup01 in the edited file, so only testuser8 is selected"
    );
    let selected_all = UserImportOptions {
        groups_filter: &[],
        ..options
    };
    let messages = import_users(conn, &users, &selected_all, &mut rng).unwrap();
    let testuser7: Vec<&str> = messages
        .iter()
        .map(String::as_str)
        .skip_while(|line| !line.starts_with("User testuser7"))
        .take(6)
        .collect();
    assert_eq!(
        testuser7,
        [
            "User testuser7 (Spångberg, Marie) has been modified: ",
            "\tfirst_name: b'Marie' ---> b'Marie Kristine'",
            &format!("\tpassword: b'{}' ---> b'{hash}'", user.password),
            "\tpassword_expiry: 1970-01-01 00:00:00+00:00 ---> b'2027-03-30 15:03:01.396863+00:00'",
            "\tconfig: {} ---> {'overview': {'views': ['variants']}}",
            "\tusergroup: testgroup03 ---> testgroup01",
        ]
    );
    assert!(
        messages.contains(&"No modifications made to testuser8 (Skjelderup, Michael).".to_owned())
    );
    assert_eq!(count(conn, "SELECT count(*) FROM \"user\""), 8);
    let listing = ella_db::user::list_users(conn, None, Some(&["testgroup01".to_owned()])).unwrap();
    assert_eq!(
        listing
            .iter()
            .map(|user| user.username.as_str())
            .collect::<Vec<_>>(),
        ["testuser7", "testuser1", "testuser2", "testuser3"]
    );
    assert_eq!(listing[0].genepanels, ["HBOC_v01", "HBOCUTV_v01"]);
    assert_eq!(
        ella_db::user::list_users(conn, None, Some(&["ALL".to_owned()]))
            .unwrap()
            .len(),
        8
    );
    let one = ella_db::user::list_users(conn, Some("testuser8"), None).unwrap();
    assert_eq!(one[0].usergroup, "testgroup03");
    assert_eq!(one[0].genepanels.len(), 4);
}

fn user_hash(conn: &mut PgConnection, username: &str) -> String {
    ella_db::user::find_by_username(conn, username)
        .expect("user query")
        .expect("user exists")
        .password
}

/// ELLA's warning of `filterconfigs deactivate` (blank lines around it included).
fn only_active_warning(group: &str, suffix: &str) -> String {
    let what = "You are about to disable the only active filter config for usergroup";
    format!("\n!!! {what} {group}{suffix} !!!\n")
}

#[test]
fn new_versions_links_and_deactivation_of_filterconfigs() {
    let mut setup = setup();
    load_groups(&mut setup);
    load_filterconfigs(&mut setup, &fixture("filterconfigs.json"));
    let changed = edited_fixture("filterconfigs.json", |items| {
        items[0]["filterconfig"]["filters"]
            .as_array_mut()
            .unwrap()
            .truncate(1);
        items[1]["usergroups"][0]["order"] = json!(5);
        items[2]["usergroups"] = json!([{"name": "testgroup01", "order": 7}]);
    });
    let summary = load_filterconfigs(&mut setup, &changed);
    let conn = &mut setup.conn;
    assert_eq!(summary.created, Vec::<i32>::new());
    assert_eq!(summary.updated, [4]);
    assert_eq!(
        summary_rows(conn, &summary),
        [
            "Default 0 testgroup01 Filterconfig updated",
            "TrioDefault 7 testgroup01 Added to usergroup",
            "TrioDefault 0 testgroup02 ",
            "SingleDefault 5 testgroup02 Order changed",
            "Default 0 testgroup03 Filterconfig updated",
            "TrioDefault 1000 testgroup03 ",
            "SingleDefault 1100 testgroup03 ",
        ]
    );
    assert_eq!(
        text(
            conn,
            "SELECT active || ' ' || (date_superceeded IS NOT NULL) || ' ' || \
             (SELECT previous_filterconfig_id FROM filterconfig WHERE id = 4) AS value \
             FROM filterconfig WHERE id = 1"
        ),
        "false true 1"
    );

    // Every group keeps another active config, and TrioDefault has requirements: no warnings.
    let plan = plan_deactivation(conn, 3).unwrap();
    assert_eq!(
        plan,
        DeactivationPlan::Confirm {
            label: "<FilterConfig(3, TrioDefault)>".to_owned(),
            warnings: vec![]
        }
    );
    conn.batch_execute("UPDATE filterconfig SET active = false WHERE id = 2")
        .unwrap();
    let DeactivationPlan::Confirm { warnings, .. } = plan_deactivation(conn, 3).unwrap() else {
        panic!("TrioDefault is active");
    };
    assert_eq!(warnings, [only_active_warning("testgroup02", "")]);
    conn.batch_execute("UPDATE filterconfig SET requirements = '[]' WHERE id = 4")
        .unwrap();
    let DeactivationPlan::Confirm { warnings, .. } = plan_deactivation(conn, 4).unwrap() else {
        panic!("Default is active");
    };
    assert_eq!(
        warnings,
        [
            only_active_warning("testgroup01", " without requirements"),
            only_active_warning("testgroup03", " without requirements"),
        ]
    );
    assert_eq!(
        deactivate_filterconfig(conn, 4).unwrap(),
        "Filterconfig Default deactivated"
    );
    assert_eq!(
        plan_deactivation(conn, 4).unwrap(),
        DeactivationPlan::AlreadyInactive(
            "Filterconfig <FilterConfig(4, Default)> already inactive".to_owned()
        )
    );
    assert_eq!(
        plan_deactivation(conn, 99).unwrap_err().to_string(),
        "Filter config 99 does not exist"
    );
}

/// Runs an import that must be refused, without a transaction around it (the imports check
/// everything before they write), and checks that the message has every `expected` part and
/// that no table changed.
fn assert_refused<T: std::fmt::Debug>(
    setup: &mut Setup,
    import: impl FnOnce(&mut Setup) -> Result<T, Error>,
    expected: &[&str],
) {
    let snapshot = |conn: &mut PgConnection| {
        [
            "usergroup",
            "usergroupgenepanel",
            "usergroupimport",
            "\"user\"",
            "filterconfig",
            "usergroupfilterconfig",
            "reference",
            "annotationconfig",
        ]
        .map(|table| count(conn, &format!("SELECT count(*) FROM {table}")))
    };
    let before = snapshot(&mut setup.conn);
    let error = import(setup)
        .expect_err("the import is refused")
        .to_string();
    for part in expected {
        assert!(error.contains(part), "{error:?} lacks {part:?}");
    }
    assert_eq!(snapshot(&mut setup.conn), before, "{error}");
}

fn assert_groups_refused(setup: &mut Setup, groups: &JsonFixture, expected: &[&str]) {
    assert_refused(
        setup,
        |setup| import_usergroups(&mut setup.conn, groups, &[], &setup.config),
        expected,
    );
}

fn assert_users_refused(setup: &mut Setup, users: &JsonFixture, expected: &[&str]) {
    let mut rng = StdRng::seed_from_u64(1);
    assert_refused(
        setup,
        |setup| import_users(&mut setup.conn, users, &stored_passwords(), &mut rng),
        expected,
    );
}

fn assert_filterconfigs_refused(setup: &mut Setup, filterconfigs: &JsonFixture, expected: &[&str]) {
    assert_refused(
        setup,
        |setup| deposit_filterconfigs(&mut setup.conn, filterconfigs, &setup.config),
        expected,
    );
}

#[test]
fn malformed_json_is_reported_with_file_and_line() {
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("users.json");
    std::fs::write(
        &broken,
        "[\n  {\"username\": \"a\",\n  \"group\" \"x\"}\n]\n",
    )
    .unwrap();
    let error = JsonFixture::read(&broken).unwrap_err();
    assert!(
        matches!(error, Error::Parse { line: Some(3), .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("users.json, line 3: "),
        "{error}"
    );
    let error = JsonFixture::parse("{}", Path::new("users.json")).unwrap_err();
    assert_eq!(error.to_string(), "users.json: expected a JSON array");
}

#[test]
fn bad_usergroups_are_refused() {
    let mut setup = setup();
    let groups = edited_fixture("usergroups.json", |items| {
        items[2]["genepanels"][1] = json!(["Mendeliome", "v99"]);
    });
    assert_groups_refused(
        &mut setup,
        &groups,
        &[
            "usergroups.json: item 3 (testgroup03): ",
            "Could not find genepanel ['Mendeliome', 'v99'] in database",
        ],
    );
    let groups = edited_fixture("usergroups.json", |items| {
        items[1]["genepanels"] = json!([["Nonexisting"]]);
    });
    assert_groups_refused(
        &mut setup,
        &groups,
        &["Could not find any genepanels named 'Nonexisting' in database"],
    );
    let groups = edited_fixture("usergroups.json", |items| {
        items[0]["default_import_genepanel"] = json!(["Mendeliome"]);
    });
    assert_groups_refused(
        &mut setup,
        &groups,
        &["item 1 (testgroup01): Could not find genepanel ['Mendeliome', 'v01'] in database"],
    );
    let groups = edited_fixture("usergroups.json", |items| {
        items[2]["colour"] = json!("blue");
    });
    assert_groups_refused(
        &mut setup,
        &groups,
        &["item 3 (testgroup03): unknown key `colour`"],
    );
    let groups = edited_fixture("usergroups.json", |items| {
        items[1]["import_groups"] = json!(["testgroup02", "testgroup09"]);
    });
    assert_groups_refused(
        &mut setup,
        &groups,
        &["item 2 (testgroup02): import group testgroup09 does not exist"],
    );
    let groups = edited_fixture("usergroups.json", |items| {
        items[2]["config"]["acmg"] = json!({"frequency": {"groups": {
            "external": {"ExAC": ["G"], "GNOMAD_GENOMES": ["G"]}
        }}});
    });
    assert_groups_refused(
        &mut setup,
        &groups,
        &["Missing frequency group(s) in global config: {('ExAC', 'G')}"],
    );
}

#[test]
fn bad_users_are_refused() {
    let mut setup = setup();
    load_groups(&mut setup);
    let users = edited_fixture("users.json", |items| {
        items[7]["group"] = json!("testgroup99");
    });
    assert_users_refused(
        &mut setup,
        &users,
        &[
            "users.json: item 8 (testuser8): ",
            "testuser8",
            "testgroup99",
        ],
    );
    let users = edited_fixture("users.json", |items| {
        items[0]["nickname"] = json!("Henke");
    });
    assert_users_refused(
        &mut setup,
        &users,
        &["item 1 (testuser1): unknown field `nickname`"],
    );
    let users = edited_fixture("users.json", |items| {
        items[3].as_object_mut().unwrap().remove("group");
    });
    assert_users_refused(
        &mut setup,
        &users,
        &["item 4 (testuser4): User testuser4 is not in any group."],
    );
    let users = edited_fixture("users.json", |items| {
        items[4].as_object_mut().unwrap().remove("password");
    });
    assert_users_refused(
        &mut setup,
        &users,
        &["item 5 (testuser5): a new user needs `password` and `password_expiry`"],
    );
    let users = edited_fixture("users.json", |items| {
        items[5]["password_expiry"] = json!("soon");
    });
    assert_users_refused(
        &mut setup,
        &users,
        &["item 6 (testuser6): `password_expiry`: \"soon\" is not a timestamp"],
    );
}

#[test]
fn bad_filterconfigs_are_refused() {
    let mut setup = setup();
    load_groups(&mut setup);
    let filterconfigs = edited_fixture("filterconfigs.json", |items| {
        items[1]["filterconfig"]["filters"][0]["name"] = json!("frequencies");
    });
    assert_filterconfigs_refused(
        &mut setup,
        &filterconfigs,
        &["filterconfigs.json: item 2 (SingleDefault): at `/filterconfig/filters/0`"],
    );
    let filterconfigs = edited_fixture("filterconfigs.json", |items| {
        items[0]["requirements"][0]["params"]["is_single"] = json!("yes");
    });
    assert_filterconfigs_refused(
        &mut setup,
        &filterconfigs,
        &["item 1 (Default): at `/requirements/0/params/is_single`"],
    );
    let filterconfigs = edited_fixture("filterconfigs.json", |items| {
        items[2]["usergroups"][1]["name"] = json!("testgroup04");
    });
    assert_filterconfigs_refused(
        &mut setup,
        &filterconfigs,
        &["item 3 (TrioDefault): user group testgroup04 does not exist"],
    );
    let filterconfigs = edited_fixture("filterconfigs.json", |items| {
        items[2]["filterconfig"]["filters"][0]["config"]["groups"]["internal"] =
            json!({"inDB": ["OUSWES", "OUSWGS"]});
    });
    assert_filterconfigs_refused(
        &mut setup,
        &filterconfigs,
        &[
            "item 3 (TrioDefault): ",
            "Missing frequency group(s) in global config: {('inDB', 'OUSWGS')}",
        ],
    );
}

#[test]
fn bad_references_and_annotation_configs_are_refused() {
    let mut setup = setup();
    let path = Path::new("references.json");
    assert_refused(
        &mut setup,
        |setup| {
            import_references(
                &mut setup.conn,
                "{\"pubmed_id\": 1}\n{\"pubmed_id\": 2, \"title\": }\n",
                path,
            )
        },
        &["references.json, line 2: "],
    );

    let (path, mut config) = annotation_config();
    config["view"][1]["colour"] = json!("blue");
    assert_refused(
        &mut setup,
        |setup| deposit_annotation_config(&mut setup.conn, &config, &path),
        &["annotation-config.yml: at `/view/1`: ", "colour"],
    );
}
