//! `database refresh`: rebuilds the annotation shadow tables from the configured frequencies and
//! (re)loads the JSON schemas that the database validates against (datamodel.md §8.1-8.2).
//!
//! ELLA builds temporary tables while the old ones stay live, then swaps them. Here the whole
//! procedure runs in the caller's transaction, after locking `annotation` against writes, so no
//! annotation written meanwhile can be missed and a failure leaves the old tables untouched. The
//! resulting names (tables, indexes, constraints, sequences, functions, trigger) are ELLA's.

use std::fmt::Write as _;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Jsonb, Text};
use ella_config::FrequencyGroups;
use serde_json::Value;

use crate::shadow::{self, missing_frequency_columns, SHADOW_TABLES};
use crate::{Error, Result};

/// The resolved JSON schemas of ELLA v1.17 (every `$ref` inlined), as ELLA stores them in
/// `jsonschema`. Extracted from a database made by ELLA, so the equality check holds both ways.
const JSON_SCHEMAS: [(&str, i32, &str); 4] = [
    (
        "annotation",
        1,
        include_str!("../jsonschemas/annotation_v1.json"),
    ),
    (
        "filterconfig",
        1,
        include_str!("../jsonschemas/filterconfig_v1.json"),
    ),
    (
        "filterconfig",
        2,
        include_str!("../jsonschemas/filterconfig_v2.json"),
    ),
    (
        "filterconfig",
        3,
        include_str!("../jsonschemas/filterconfig_v3.json"),
    ),
];

/// Row counts of the shadow tables after a refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShadowCounts {
    /// Rows of `annotationshadowtranscript`.
    pub transcripts: i64,
    /// Rows of `annotationshadowfrequency`.
    pub frequencies: i64,
}

/// Runs every step of the refresh in the caller's transaction, without pausing.
pub fn refresh(conn: &mut PgConnection, groups: &FrequencyGroups) -> Result<()> {
    build_temporary_tables(conn, groups)?;
    check_frequency_groups(conn, groups)?;
    swap_in_temporary_tables(conn, groups)
}

/// Step 1: locks `annotation` against writes and fills `tmp_` shadow tables from every current
/// annotation. The live shadow tables are not touched yet.
pub fn build_temporary_tables(conn: &mut PgConnection, groups: &FrequencyGroups) -> Result<()> {
    conn.batch_execute(&format!(
        "LOCK TABLE annotation IN SHARE ROW EXCLUSIVE MODE;
DROP TABLE IF EXISTS tmp_annotationshadowtranscript, tmp_annotationshadowfrequency;
{}{}",
        shadow::create_tables_sql("tmp_", groups),
        shadow::populate_tables_sql("tmp_", groups)
    ))?;
    Ok(())
}

#[derive(QueryableByName)]
struct NamedConfig {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Jsonb)]
    config: Value,
}

/// Step 2: every active filter config and every user group's ACMG config may only use
/// frequencies that the shadow table will have (ELLA's messages).
pub fn check_frequency_groups(conn: &mut PgConnection, groups: &FrequencyGroups) -> Result<()> {
    let filterconfigs: Vec<NamedConfig> = diesel::sql_query(
        "SELECT id, name, filterconfig AS config FROM filterconfig WHERE active IS TRUE ORDER BY id",
    )
    .load(conn)?;
    for filterconfig in filterconfigs {
        let frequency_filters = filterconfig.config["filters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|filter| filter["name"] == "frequency");
        for filter in frequency_filters {
            if !missing_frequency_columns(&filter["config"]["groups"], groups).is_empty() {
                return Err(Error::Invalid(format!(
                    "Frequency group(s) used in filterconfig {} ({})",
                    filterconfig.id, filterconfig.name
                )));
            }
        }
    }
    let usergroups: Vec<NamedConfig> = diesel::sql_query(
        "SELECT id, name, coalesce(config, '{}'::jsonb) AS config FROM usergroup ORDER BY id",
    )
    .load(conn)?;
    for usergroup in usergroups {
        let acmg_groups = &usergroup.config["acmg"]["frequency"]["groups"];
        if !missing_frequency_columns(acmg_groups, groups).is_empty() {
            return Err(Error::Invalid(format!(
                "Frequency group(s) used in the ACMG config for usergroup {} ({}).",
                usergroup.id, usergroup.name
            )));
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct SequenceName {
    #[diesel(sql_type = Text)]
    name: String,
}

/// Step 3: loads the JSON schemas, replaces the live shadow tables by the temporary ones under
/// ELLA's names, and (re)creates the shadow functions and trigger for the configured columns.
pub fn swap_in_temporary_tables(conn: &mut PgConnection, groups: &FrequencyGroups) -> Result<()> {
    update_json_schemas(conn)?;
    let mut sql = String::from(
        "DROP TABLE IF EXISTS annotationshadowtranscript, annotationshadowfrequency;\n",
    );
    for table in SHADOW_TABLES {
        let tmp = format!("tmp_{table}");
        let _ = write!(
            sql,
            "ALTER TABLE {tmp} RENAME TO {table};
ALTER INDEX pk_{tmp} RENAME TO pk_{table};
ALTER INDEX ix_{tmp}_allele_id RENAME TO ix_{table}_allele_id;
ALTER TABLE {table} RENAME CONSTRAINT fk_{tmp}_allele_id_allele TO fk_{table}_allele_id_allele;
"
        );
    }
    for column in ["hgnc_id", "symbol", "transcript", "hgvsc"] {
        let _ = writeln!(
            sql,
            "ALTER INDEX ix_tmp_annotationshadowtranscript_{column} \
             RENAME TO ix_annotationshadowtranscript_{column};"
        );
    }
    sql.push_str(&shadow::functions_and_trigger_sql(groups));
    conn.batch_execute(&sql)?;
    keep_ella_sequence_names(conn)
}

/// A table created while the old one still owned `tmp_<table>_id_seq` got a sequence with a
/// suffixed name; give it ELLA's name back now that the old sequence is gone.
fn keep_ella_sequence_names(conn: &mut PgConnection) -> Result<()> {
    for table in SHADOW_TABLES {
        let expected = format!("tmp_{table}_id_seq");
        let actual: SequenceName = diesel::sql_query(
            "SELECT split_part(pg_get_serial_sequence($1, 'id'), '.', 2) AS name",
        )
        .bind::<Text, _>(table)
        .get_result(conn)?;
        if actual.name != expected {
            conn.batch_execute(&format!(
                "ALTER SEQUENCE \"{}\" RENAME TO \"{expected}\"",
                actual.name.trim_matches('"')
            ))?;
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct StoredSchema {
    #[diesel(sql_type = Jsonb)]
    schema: Value,
}

/// ELLA's "update schemas" step: inserts the missing shipped JSON schemas, checks the others.
///
/// Schemas present must equal the shipped ones. Old versions are never removed: stored filter
/// configs may only validate against them.
pub fn update_json_schemas(conn: &mut PgConnection) -> Result<()> {
    for (name, version, text) in JSON_SCHEMAS {
        let shipped: Value = serde_json::from_str(text).map_err(|error| {
            Error::Invalid(format!("bundled schema {name} v{version}: {error}"))
        })?;
        let stored: Option<StoredSchema> =
            diesel::sql_query("SELECT schema FROM jsonschema WHERE name = $1 AND version = $2")
                .bind::<Text, _>(name)
                .bind::<Integer, _>(version)
                .get_result(conn)
                .optional()?;
        match stored {
            Some(stored) if stored.schema != shipped => {
                return Err(Error::Invalid(format!(
                    "Schema ({name}, {version}) exists, but schema is different."
                )));
            }
            Some(_) => {}
            None => {
                diesel::sql_query(
                    "INSERT INTO jsonschema (name, version, schema) VALUES ($1, $2, $3)",
                )
                .bind::<Text, _>(name)
                .bind::<Integer, _>(version)
                .bind::<Jsonb, _>(&shipped)
                .execute(conn)?;
            }
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Counts the rows of both shadow tables.
pub fn shadow_counts(conn: &mut PgConnection) -> Result<ShadowCounts> {
    let mut count = |table: &str| -> Result<i64> {
        let row: Count =
            diesel::sql_query(format!("SELECT count(*) AS count FROM {table}")).get_result(conn)?;
        Ok(row.count)
    };
    Ok(ShadowCounts {
        transcripts: count("annotationshadowtranscript")?,
        frequencies: count("annotationshadowfrequency")?,
    })
}

/// Updates the planner statistics after a refresh. Must run outside a transaction.
pub fn analyze(conn: &mut PgConnection) -> Result<()> {
    conn.batch_execute("VACUUM (ANALYZE)")?;
    Ok(())
}
