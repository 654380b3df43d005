//! The migrated schema is ELLA v1.17's: tables, columns (types, nullability, defaults), enum
//! labels in order, indexes, constraints (with ON DELETE rules), triggers, functions and
//! sequences are compared line by line with `tests/expected-schema.txt`.
//!
//! That file is the catalog of a database made by ELLA v1.17.2's own `database make-production`
//! (datamodel.md), dumped with [`catalog`] by running this test with
//! `DUMP_CATALOG_FROM=<url of the ELLA database>`, then edited for the deliberate differences
//! listed at its top (docs/compatibility.md).

use diesel::prelude::*;
use diesel::sql_types::Text;
use ella_test_support::{repo_root, TestDatabase};

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

/// Every catalog fact of the `public` schema that matters for compatibility, one per line.
fn catalog(conn: &mut PgConnection) -> Vec<String> {
    let queries = [
        "SELECT 'table ' || table_name AS line FROM information_schema.tables \
         WHERE table_schema = 'public'",
        "SELECT format('column %s.%s %s%s %s default=%s', table_name, column_name, udt_name, \
                coalesce('(' || character_maximum_length || ')', ''), \
                CASE is_nullable WHEN 'YES' THEN 'null' ELSE 'not-null' END, \
                coalesce(column_default, '-')) AS line \
         FROM information_schema.columns WHERE table_schema = 'public'",
        "SELECT format('enum %s: %s', t.typname, \
                string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line \
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid \
         WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname",
        "SELECT format('index %s', indexdef) AS line FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT format('constraint %s %s %s', conrelid::regclass, conname, \
                pg_get_constraintdef(oid)) AS line \
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
        "SELECT format('trigger %s', pg_get_triggerdef(oid)) AS line FROM pg_trigger \
         WHERE NOT tgisinternal",
        "SELECT format('function %s(%s)', proname, pg_get_function_identity_arguments(oid)) \
         AS line FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
        "SELECT format('sequence %s %s', sequencename, data_type) AS line FROM pg_sequences \
         WHERE schemaname = 'public'",
    ];
    let mut lines: Vec<String> = queries
        .iter()
        .flat_map(|query| {
            diesel::sql_query(*query)
                .load::<Line>(conn)
                .expect("catalog query")
        })
        .map(|row| row.line)
        .filter(|line| !line.contains("__diesel_schema_migrations"))
        .collect();
    lines.sort();
    lines
}

fn expected_path() -> std::path::PathBuf {
    repo_root().join("crates/ella-db/tests/expected-schema.txt")
}

#[test]
fn migrated_schema_matches_ella() {
    if let Ok(url) = std::env::var("DUMP_CATALOG_FROM") {
        let mut conn = PgConnection::establish(&url).expect("connect to the ELLA database");
        let text = catalog(&mut conn).join("\n") + "\n";
        std::fs::write(expected_path().with_extension("ella.txt"), text).unwrap();
        return;
    }
    let database = TestDatabase::migrated();
    let actual = catalog(&mut database.connect());
    let expected: Vec<String> = std::fs::read_to_string(expected_path())
        .expect("expected schema file")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let missing: Vec<_> = expected
        .iter()
        .filter(|line| !actual.contains(line))
        .collect();
    let extra: Vec<_> = actual
        .iter()
        .filter(|line| !expected.contains(line))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "schema differs from ELLA's\nmissing:\n  {}\nunexpected:\n  {}",
        missing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        extra
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
}
