//! `ella-cli deposit analysis|alleles|annotation|exists` and `ella-cli delete ...`.

use crate::common::{count, data, ella_cli, ella_cli_with_input, load_demo_data};
use ella_test_support::TestDatabase;

fn imported_rows(db: &TestDatabase) -> Vec<i64> {
    [
        "analysis",
        "sample",
        "genotype",
        "genotypesampledata",
        "analysisinterpretation",
        "allele",
    ]
    .iter()
    .map(|table| count(db, table))
    .collect()
}

fn database_with_demo_data() -> TestDatabase {
    let db = TestDatabase::empty();
    ella_cli(&db, &["database", "make-production", "-f"]).assert_ok();
    load_demo_data(&db);
    db
}

#[test]
fn an_analysis_is_deposited_once_and_can_be_deleted() {
    let db = database_with_demo_data();
    let folder = data("analyses/e2e/brca_e2e_test01.HBOCUTV_v01");
    let run = ella_cli(&db, &["deposit", "analysis", &folder]).assert_ok();
    assert_eq!(
        run.stdout,
        "Analysis brca_e2e_test01.HBOCUTV_v01 deposited successfully\n"
    );
    assert_eq!(count(&db, "allele"), 6);
    let after_first = imported_rows(&db);
    ella_cli(&db, &["deposit", "analysis", &folder])
        .assert_fails_with("Analysis brca_e2e_test01.HBOCUTV_v01 is already imported.");
    assert_eq!(imported_rows(&db), after_first);

    let declined =
        ella_cli_with_input(&db, &["--reason", "test", "delete", "analysis", "1"], "n\n")
            .assert_ok();
    assert!(declined
        .stdout
        .contains("no overview comment in workflow status: Not started"));
    assert!(declined
        .stdout
        .contains("Lacking confirmation, aborting..."));
    assert_eq!(count(&db, "analysis"), 1);

    let deleted = ella_cli(
        &db,
        &["--reason", "test", "--yes", "delete", "analysis", "1"],
    )
    .assert_ok();
    assert!(deleted
        .stdout
        .contains("Analysis 1 (brca_e2e_test01.HBOCUTV_v01) deleted successfully"));
    assert_eq!(count(&db, "analysis"), 0);
    assert_eq!(count(&db, "sample"), 0);
    assert_eq!(
        count(&db, "allele"),
        6,
        "alleles and their annotation are kept"
    );
}

#[test]
fn a_bad_analysis_changes_nothing() {
    let db = database_with_demo_data();
    let before = imported_rows(&db);
    let folder = tempfile::tempdir().unwrap();
    let analysis = folder.path().join("brca_e2e_test01.HBOCUTV_v01");
    std::fs::create_dir(&analysis).unwrap();
    let source = data("analyses/e2e/brca_e2e_test01.HBOCUTV_v01");
    let name = "brca_e2e_test01.HBOCUTV_v01";
    std::fs::copy(
        format!("{source}/{name}.analysis"),
        analysis.join(format!("{name}.analysis")),
    )
    .unwrap();
    // The VCF is cut in the middle of its last record.
    let vcf = std::fs::read_to_string(format!("{source}/{name}.vcf")).unwrap();
    std::fs::write(analysis.join(format!("{name}.vcf")), &vcf[..vcf.len() - 40]).unwrap();
    let path = analysis.to_string_lossy().into_owned();
    ella_cli(&db, &["deposit", "analysis", &path])
        .assert_fails_with("brca_e2e_test01.HBOCUTV_v01.vcf");
    assert_eq!(imported_rows(&db), before);
}

#[test]
fn exists_alleles_and_annotation() {
    let db = database_with_demo_data();
    let vcf = data("analyses/e2e/brca_e2e_test02.HBOCUTV_v01/brca_e2e_test02.HBOCUTV_v01.vcf");
    assert_eq!(
        ella_cli(&db, &["deposit", "exists", &vcf])
            .assert_ok()
            .stdout,
        "OK\n"
    );
    let annotated = ella_cli(&db, &["deposit", "annotation", &vcf]).assert_ok();
    assert_eq!(annotated.stdout, "Annotation imported successfully\n");
    assert_eq!(count(&db, "alleleinterpretation"), 0, "annotation only");
    let alleles = count(&db, "allele");
    assert!(alleles > 0);
    let deposited = ella_cli(&db, &["deposit", "alleles", &vcf]).assert_ok();
    assert_eq!(deposited.stdout, "Deposited 1 files.\n");
    assert_eq!(
        count(&db, "allele"),
        alleles,
        "the same alleles, no duplicates"
    );
    assert_eq!(count(&db, "alleleinterpretation"), alleles);
    let removed = ella_cli(
        &db,
        &[
            "--reason",
            "r",
            "--yes",
            "delete",
            "alleleinterpretation",
            "1",
        ],
    )
    .assert_ok();
    assert!(removed
        .stdout
        .contains("Interpretations to delete:\n1 - Interpretation"));
    assert_eq!(count(&db, "alleleinterpretation"), alleles - 1);
}
