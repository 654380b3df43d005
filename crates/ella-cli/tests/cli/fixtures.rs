//! Loading ELLA's fixtures with the real `ella-cli`, and refusing bad input without changes.

use crate::common::{count, data, ella_cli, ella_cli_with_input, fixture_counts, load_demo_data};
use chrono::Utc;
use ella_db::account::authenticate;
use ella_test_support::TestDatabase;

/// The counts ELLA v1.17.2 itself produced from the same fixtures (../ella-ref, counts.txt).
#[test]
fn demo_data_gives_the_original_counts_and_every_user_logs_in() {
    let db = TestDatabase::empty();
    ella_cli(&db, &["database", "make-production", "-f"]).assert_ok();
    load_demo_data(&db);
    let expected = [
        ("gene", 3549),
        ("transcript", 3603),
        ("phenotype", 5186),
        ("genepanel", 4),
        ("genepanel_transcript", 3742),
        ("genepanel_phenotype", 5410),
        ("usergroup", 3),
        ("\"user\"", 8),
        ("usergroupgenepanel", 8),
        ("usergroupimport", 4),
        ("filterconfig", 3),
        ("usergroupfilterconfig", 6),
        ("reference", 367),
        ("annotationconfig", 2),
        ("jsonschema", 4),
    ];
    for (table, rows) in expected {
        assert_eq!(count(&db, table), rows, "rows of {table}");
    }
    let mut conn = db.connect();
    for n in 1..=8 {
        let username = format!("testuser{n}");
        let login = authenticate(&mut conn, &username, "demo", Utc::now()).unwrap();
        assert!(login.is_ok(), "{username}: {login:?}");
    }
    let refused = authenticate(&mut conn, "testuser1", "wrong", Utc::now()).unwrap();
    assert_eq!(refused.unwrap_err().to_string(), "Invalid credentials");
    // Every audited command left its row; the deposits are audited too.
    assert_eq!(count(&db, "clilog"), 9);
}

#[test]
fn legacy_gene_panels_give_the_same_genes_and_transcripts() {
    let db = TestDatabase::migrated();
    for panel in ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"] {
        let folder = tempfile::tempdir().unwrap();
        let legacy = folder.path().join(panel);
        std::fs::create_dir(&legacy).unwrap();
        for suffix in [".transcripts.csv", ".phenotypes.csv"] {
            let name = format!("{panel}{suffix}");
            std::fs::copy(
                data(&format!("genepanels/{panel}/{name}")),
                legacy.join(&name),
            )
            .unwrap();
        }
        let folder_arg = legacy.to_string_lossy().into_owned();
        ella_cli(&db, &["deposit", "genepanel", "--folder", &folder_arg]).assert_ok();
    }
    assert_eq!(count(&db, "gene"), 3549);
    assert_eq!(count(&db, "transcript"), 3603);
}

#[test]
fn an_existing_panel_is_left_alone_without_replace() {
    let db = TestDatabase::migrated();
    let folder = data("genepanels/HBOC_v01");
    ella_cli(&db, &["deposit", "genepanel", "--folder", &folder]).assert_ok();
    let before = fixture_counts(&db);
    ella_cli(&db, &["deposit", "genepanel", "--folder", &folder]).assert_ok();
    ella_cli(
        &db,
        &["deposit", "genepanel", "--folder", &folder, "--replace"],
    )
    .assert_ok();
    assert_eq!(fixture_counts(&db), before);
}

fn write(dir: &tempfile::TempDir, name: &str, content: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("write test file");
    path.to_string_lossy().into_owned()
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_changes_nothing() {
    let db = TestDatabase::migrated();
    let hboc = data("genepanels/HBOC_v01");
    ella_cli(&db, &["deposit", "genepanel", "--folder", &hboc]).assert_ok();
    ella_cli(
        &db,
        &["users", "add_groups", &data("fixtures/usergroups.json")],
    )
    .assert_fails_with("HBOCUTV");
    let before = fixture_counts(&db);
    let dir = tempfile::tempdir().unwrap();

    let broken_json = write(&dir, "usergroups.json", "[\n  {\"name\": \"g\",\n  oops\n]");
    ella_cli(&db, &["users", "add_groups", &broken_json])
        .assert_fails_with("usergroups.json, line 3");

    let groups = write(
        &dir,
        "groups.json",
        r#"[{"name": "lab", "genepanels": [["HBOC", "v01"]]}]"#,
    );
    ella_cli(&db, &["users", "add_groups", &groups]).assert_ok();
    let before_users = fixture_counts(&db);
    let users = write(
        &dir,
        "users.json",
        r#"[{"username": "u1", "first_name": "A", "last_name": "B", "group": "lab"},
            {"username": "u2", "first_name": "C", "last_name": "D", "group": "nosuchgroup"}]"#,
    );
    ella_cli(&db, &["users", "add_many", &users]).assert_fails_with("nosuchgroup");
    assert_eq!(
        fixture_counts(&db),
        before_users,
        "the valid first user is not added either"
    );

    let panel = dir.path().join("Broken_v01");
    std::fs::create_dir(&panel).unwrap();
    let transcripts = std::fs::read_to_string(format!("{hboc}/HBOC_v01_genes_transcripts.tsv"))
        .unwrap()
        .replace("\tHGNC symbol", "\tsymbol");
    std::fs::write(panel.join("Broken_v01_genes_transcripts.tsv"), transcripts).unwrap();
    std::fs::copy(
        format!("{hboc}/HBOC_v01_phenotypes.tsv"),
        panel.join("Broken_v01_phenotypes.tsv"),
    )
    .unwrap();
    let panel_arg = panel.to_string_lossy().into_owned();
    ella_cli(&db, &["deposit", "genepanel", "--folder", &panel_arg])
        .assert_fails_with("Broken_v01_genes_transcripts.tsv");

    let config = write(
        &dir,
        "config.yml",
        &std::fs::read_to_string(data("fixtures/example_config.yml"))
            .unwrap()
            .replace(
                "    max_upload_size:",
                "    colour: blue\n    max_upload_size:",
            ),
    );
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_ella-cli"))
        .args(["broadcast", "new", "hello"])
        .env("DB_URL", db.url().expose())
        .env("ELLA_CONFIG", &config)
        .env("ELLA_ROOT", ella_test_support::repo_root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr.contains("config.yml") && stderr.contains("colour"),
        "{stderr}"
    );

    assert_eq!(count(&db, "broadcast"), 0);
    let after: Vec<_> = fixture_counts(&db);
    assert_eq!(after, before_users);
    assert_ne!(
        before, before_users,
        "only the valid group import changed anything"
    );
}

#[test]
fn users_are_reset_locked_and_modified() {
    let db = TestDatabase::migrated();
    ella_cli(
        &db,
        &[
            "deposit",
            "genepanel",
            "--folder",
            &data("genepanels/HBOC_v01"),
        ],
    )
    .assert_ok();
    let dir = tempfile::tempdir().unwrap();
    let groups = write(
        &dir,
        "groups.json",
        r#"[{"name": "lab", "genepanels": [["HBOC", "v01"]]}, {"name": "other", "genepanels": [["HBOC"]]}]"#,
    );
    ella_cli(&db, &["users", "add_groups", &groups]).assert_ok();
    let users = write(
        &dir,
        "users.json",
        r#"[{"username": "henrik", "first_name": "Henrik", "last_name": "Ibsen", "email": "h@x", "group": "lab"}]"#,
    );
    let added = ella_cli(&db, &["users", "add_many", &users]).assert_ok();
    assert!(added
        .stdout
        .contains("Added user henrik (Ibsen, Henrik, h@x) with password "));

    let reset = ella_cli(&db, &["users", "reset_password", "henrik"]).assert_ok();
    let password = reset.stdout.trim().rsplit(' ').next().unwrap().to_owned();
    let mut conn = db.connect();
    let login = authenticate(&mut conn, "henrik", &password, Utc::now()).unwrap();
    assert_eq!(
        login.unwrap_err().to_string(),
        "Password has expired. Please change password."
    );

    let list = ella_cli(&db, &["users", "list", "--group", "lab"]).assert_ok();
    assert!(list.stdout.contains("henrik") && list.stdout.contains("HBOC_v01"));

    let declined = ella_cli_with_input(
        &db,
        &["users", "modify", "henrik", "--first_name", "Hen", "Rik"],
        "n\n",
    )
    .assert_ok();
    assert!(declined.stdout.contains("Aborting"));
    ella_cli(
        &db,
        &[
            "--yes",
            "users",
            "modify",
            "--first_name",
            "Hen",
            "Rik",
            "--user_group",
            "other",
            "--",
            "henrik",
        ],
    )
    .assert_ok();
    let list = ella_cli(&db, &["users", "list", "--username", "henrik"]).assert_ok();
    assert!(list.stdout.contains("Hen Rik") && list.stdout.contains("other"));

    ella_cli(&db, &["--reason", "left", "users", "lock", "henrik"]).assert_ok();
    let login = authenticate(&mut conn, "henrik", &password, Utc::now()).unwrap();
    assert_eq!(
        login.unwrap_err().to_string(),
        "User henrik is inactive. Contact support to re-activate."
    );
}

#[test]
fn filterconfigs_can_be_listed_and_deactivated() {
    let db = TestDatabase::empty();
    ella_cli(&db, &["database", "make-production", "-f"]).assert_ok();
    load_demo_data(&db);
    let listed = ella_cli(&db, &["filterconfigs", "list"]).assert_ok();
    assert!(listed.stdout.contains("TrioDefault"));
    ella_cli(
        &db,
        &["--reason", "r", "--yes", "filterconfigs", "deactivate", "3"],
    )
    .assert_ok();
    let again = ella_cli(&db, &["--reason", "r", "filterconfigs", "deactivate", "3"]).assert_ok();
    assert!(again.stdout.contains("already inactive"));
    ella_cli(&db, &["--reason", "r", "filterconfigs", "deactivate", "99"]).assert_fails_with("99");
}

#[test]
fn broadcasts_are_added_listed_and_deactivated() {
    let db = TestDatabase::migrated();
    ella_cli(&db, &["broadcast", "new", "Maintenance", "at", "noon"]).assert_ok();
    let listed = ella_cli(&db, &["broadcast", "list"]).assert_ok();
    assert!(listed.stdout.contains("Maintenance at noon"));
    let done = ella_cli(&db, &["broadcast", "deactivate", "1"]).assert_ok();
    assert_eq!(done.stdout, "Message with id 1 set as inactive\n");
    assert_eq!(
        ella_cli(&db, &["broadcast", "list"]).assert_ok().stdout,
        "No messages\n"
    );
    let missing = ella_cli(&db, &["broadcast", "deactivate", "7"]).assert_ok();
    assert_eq!(missing.stdout, "Found no message with id 7\n");
}
