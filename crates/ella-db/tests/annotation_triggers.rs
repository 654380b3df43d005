//! The `annotation` triggers (migration `annotation_bulk_writes`) stand aside on INSERT only
//! when the writing transaction declares `ella.annotation_derived_by_writer = 'on'`; every other
//! writer, such as ELLA's own code, still gets its documents validated and shadowed, and the
//! migration's `down.sql` brings back ELLA's functions.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4};
use ella_test_support::{repo_root, TestDatabase};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Int4)]
    schema_version: i32,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .expect("count")
        .n
}

/// Shadow rows (transcripts plus frequency rows) of all alleles.
fn shadow_rows(conn: &mut PgConnection) -> i64 {
    count(
        conn,
        "SELECT (SELECT count(*) FROM annotationshadowtranscript)
             + (SELECT count(*) FROM annotationshadowfrequency) AS n",
    )
}

/// Inserts an annotation of the allele with `document` (SQL text) and `schema_version`,
/// returning the stored version.
fn insert(
    conn: &mut PgConnection,
    allele_id: i32,
    document: &str,
    version: i32,
) -> QueryResult<i32> {
    diesel::sql_query(format!(
        "INSERT INTO annotation (allele_id, annotations, schema_version, date_created,
             annotation_config_id)
         VALUES ({allele_id}, '{document}', {version}, now(), 1) RETURNING schema_version"
    ))
    .get_result::<Version>(conn)
    .map(|row| row.schema_version)
}

const VALID: &str = r#"{"transcripts": [{"transcript": "NM_000059.3", "strand": 1,
    "is_canonical": true, "in_last_exon": "no", "consequences": ["missense_variant"]}]}"#;
const INVALID: &str = r#"{"transcripts": 5}"#;

fn setup() -> (TestDatabase, PgConnection) {
    let database = TestDatabase::migrated();
    let mut conn = database.connect();
    conn.batch_execute(
        "INSERT INTO allele (id, genome_reference, chromosome, start_position, open_end_position,
             change_from, change_to, change_type, vcf_pos, vcf_ref, vcf_alt, length, caller_type)
         VALUES (1, 'GRCh37', '13', 10, 11, 'A', 'C', 'SNP', 11, 'A', 'C', 1, 'snv'),
                (2, 'GRCh37', '13', 20, 21, 'A', 'C', 'SNP', 21, 'A', 'C', 1, 'snv')",
    )
    .expect("alleles");
    (database, conn)
}

/// ELLA's behaviour: each insert is validated (the supplied version is overwritten; an invalid
/// document fails with SQLSTATE JSONV) and shadowed.
fn assert_triggers_do_their_work(conn: &mut PgConnection) {
    conn.transaction(|conn| {
        let error = insert(conn, 1, INVALID, 1).expect_err("invalid document");
        assert!(
            error
                .to_string()
                .contains("failed to validate against any of the existing schemas"),
            "{error}"
        );
        Err::<(), _>(diesel::result::Error::RollbackTransaction)
    })
    .expect_err("rolled back");
    conn.transaction(|conn| {
        assert_eq!(insert(conn, 1, VALID, 7)?, 1);
        // One transcript row and one frequency row.
        assert_eq!(shadow_rows(conn), 2);
        Err::<(), _>(diesel::result::Error::RollbackTransaction)
    })
    .expect_err("rolled back");
}

#[test]
fn triggers_stand_aside_only_for_a_declaring_insert() {
    let (_database, mut conn) = setup();
    assert_triggers_do_their_work(&mut conn);
    // Declared: the row keeps the writer's version and no shadow row is written; the
    // declaration does not outlive the transaction.
    conn.transaction(|conn| {
        conn.batch_execute("SET LOCAL ella.annotation_derived_by_writer = 'on'")?;
        assert_eq!(insert(conn, 2, INVALID, 7)?, 7);
        assert_eq!(shadow_rows(conn), 0);
        // Updates are not covered by the declaration: the version is recomputed (and here
        // refused), the immutable columns stay guarded.
        let error = diesel::sql_query("UPDATE annotation SET date_superceeded = now()")
            .execute(conn)
            .expect_err("update validates");
        assert!(error.to_string().contains("failed to validate"), "{error}");
        Err::<(), _>(diesel::result::Error::RollbackTransaction)
    })
    .expect_err("rolled back");
    assert_triggers_do_their_work(&mut conn);
}

#[test]
fn down_migration_restores_ellas_functions() {
    let (_database, mut conn) = setup();
    let down = std::fs::read_to_string(
        repo_root().join("migrations/2026-11-26-100000_annotation_bulk_writes/down.sql"),
    )
    .expect("down.sql");
    conn.batch_execute(&down).expect("down");
    conn.transaction(|conn| {
        conn.batch_execute("SET LOCAL ella.annotation_derived_by_writer = 'on'")?;
        assert_eq!(insert(conn, 2, VALID, 7)?, 1);
        assert_eq!(shadow_rows(conn), 2);
        Err::<(), _>(diesel::result::Error::RollbackTransaction)
    })
    .expect_err("rolled back");
    assert_triggers_do_their_work(&mut conn);
}
