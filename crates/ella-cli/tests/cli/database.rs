//! `ella-cli database ...` against real databases.

use crate::common::{count, ella_cli, ella_cli_with_input};
use diesel::connection::SimpleConnection;
use ella_test_support::TestDatabase;

#[test]
fn make_production_creates_a_database_that_compare_accepts() {
    let db = TestDatabase::empty();
    let made = ella_cli(&db, &["database", "make-production", "-f"]).assert_ok();
    assert!(made
        .stdout
        .contains("All done!\nTables should now have been created."));
    let compared = ella_cli(&db, &["database", "compare"]).assert_ok();
    assert_eq!(
        compared.stdout,
        "Database HEAD: 4c2844fef850\nMigration script HEAD: 4c2844fef850\nMigration status OK!\n"
    );
    let current = ella_cli(&db, &["database", "current"]).assert_ok();
    assert_eq!(current.stdout, "4c2844fef850 (head)\n\n");
    assert_eq!(count(&db, "jsonschema"), 4);
    assert_eq!(
        count(&db, "annotationconfig"),
        1,
        "ELLA's legacy annotation config"
    );
}

#[test]
fn make_production_refuses_a_database_that_is_not_empty() {
    let db = TestDatabase::migrated();
    ella_cli(&db, &["database", "make-production", "-f"])
        .assert_fails_with("Database schema 'public' is not empty.");
}

#[test]
fn make_production_without_confirmation_changes_nothing() {
    let db = TestDatabase::empty();
    let run = ella_cli_with_input(&db, &["database", "make-production"], "yes\n");
    assert!(run.stdout.contains("THIS WILL WIPE OUT"));
    assert!(!run.stdout.contains("secret"));
    run.assert_fails_with("Lacking confirmation, aborting...");
    ella_cli(&db, &["database", "compare"]).assert_fails_with("does not match");
}

#[test]
fn compare_fails_clearly_on_an_empty_or_altered_database() {
    let empty = TestDatabase::empty();
    let run = ella_cli(&empty, &["database", "compare"]);
    assert!(run.stdout.contains("Database HEAD: None"));
    assert!(run
        .stdout
        .contains("Database HEAD does not match migration script HEAD!"));
    run.assert_fails_with("does not match");

    let altered = TestDatabase::migrated();
    altered
        .connect()
        .batch_execute("UPDATE alembic_version SET version_num = '1675e8d8b078'")
        .unwrap();
    let run = ella_cli(&altered, &["database", "compare"]);
    assert!(run.stdout.contains("Database HEAD: 1675e8d8b078"));
    run.assert_fails_with("does not match");
}

#[test]
fn refresh_rebuilds_shadow_tables_and_is_audited() {
    let db = TestDatabase::migrated();
    let run = ella_cli(&db, &["database", "refresh", "-f"]).assert_ok();
    assert!(run.stdout.contains("AnnotationShadowTranscript count: 0"));
    assert!(run
        .stdout
        .contains("Shadow tables should now have been refreshed."));
    assert_eq!(count(&db, "clilog"), 1);
    let declined = ella_cli_with_input(&db, &["database", "refresh"], "no\n");
    declined.assert_fails_with("Lacking confirmation");
    assert_eq!(count(&db, "clilog"), 2, "a failed command is audited too");
}

#[test]
fn drop_removes_everything() {
    let db = TestDatabase::migrated();
    ella_cli(&db, &["database", "drop", "-f"]).assert_ok();
    ella_cli(&db, &["database", "compare"]).assert_fails_with("does not match");
}

#[test]
fn an_existing_ella_database_is_taken_over() {
    let db = TestDatabase::empty();
    let ella_schema =
        std::fs::read_to_string(ella_test_support::testdata("ella-v1.17-schema/schema.sql"))
            .unwrap();
    let mut conn = db.connect();
    conn.batch_execute(&ella_schema).unwrap();
    // A schema-only dump has no rows; ELLA's make-production stamps the head revision.
    conn.batch_execute("INSERT INTO public.alembic_version VALUES ('4c2844fef850')")
        .unwrap();
    ella_cli(&db, &["database", "compare"]).assert_fails_with("upgrade head");
    ella_cli(&db, &["database", "upgrade", "head"]).assert_ok();
    ella_cli(&db, &["database", "compare"]).assert_ok();
}
