//! SQL of the annotation shadow tables (datamodel.md §8.2), generated from `frequencies.groups`.
//!
//! `annotationshadowtranscript` holds one row per transcript of each allele's latest annotation,
//! `annotationshadowfrequency` one row per allele with a float and an integer column per
//! configured frequency (`"P.K"` and `"P_num.K"`), so that filters can use plain indexed SQL.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use diesel::prelude::*;
use diesel::sql_types::Text;
use ella_config::{FrequencyColumn, FrequencyGroups};
use serde_json::Value;

use crate::{Error, Result};

/// The two shadow tables.
pub const SHADOW_TABLES: [&str; 2] = ["annotationshadowtranscript", "annotationshadowfrequency"];

/// Quotes an SQL identifier (the frequency columns contain dots and mixed case).
fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Quotes an SQL string literal.
fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The frequency columns' names: `"P.K"` then `"P_num.K"` for each configured frequency.
fn frequency_column_names(columns: &[FrequencyColumn]) -> Vec<String> {
    columns
        .iter()
        .flat_map(|column| {
            [
                quote_identifier(&format!("{}.{}", column.provider, column.population)),
                quote_identifier(&format!("{}_num.{}", column.provider, column.population)),
            ]
        })
        .collect()
}

/// The values of the frequency columns, read from the JSON expression `source`.
fn frequency_values(columns: &[FrequencyColumn], source: &str) -> Vec<String> {
    columns
        .iter()
        .flat_map(|column| {
            let provider = quote_literal(&column.provider);
            let population = quote_literal(&column.population);
            [
                format!("({source}->'frequencies'->{provider}->'freq'->>{population})::float"),
                format!("({source}->'frequencies'->{provider}->'num'->>{population})::integer"),
            ]
        })
        .collect()
}

/// The column list and the value list of a frequency-row insert, reading from `annotations`
/// (the column in a bulk insert, the parameter in the trigger function).
fn frequency_insert_lists(groups: &FrequencyGroups) -> (String, String) {
    let columns = groups.columns();
    let names = frequency_column_names(&columns);
    let values = frequency_values(&columns, "annotations");
    (
        format!("allele_id, {}", names.join(", ")),
        format!("allele_id, {}", values.join(", ")),
    )
}

/// `CREATE TABLE` of both shadow tables under the name prefix `prefix` (`tmp_` during a refresh).
pub(crate) fn create_tables_sql(prefix: &str, groups: &FrequencyGroups) -> String {
    let transcript = format!("{prefix}annotationshadowtranscript");
    let frequency = format!("{prefix}annotationshadowfrequency");
    let mut frequency_columns = String::new();
    for (index, name) in frequency_column_names(&groups.columns()).iter().enumerate() {
        let sql_type = if index % 2 == 0 {
            "double precision"
        } else {
            "integer"
        };
        let _ = writeln!(frequency_columns, "    {name} {sql_type},");
    }
    format!(
        "CREATE TABLE {transcript} (
    id serial NOT NULL,
    allele_id integer,
    hgnc_id integer,
    symbol character varying,
    transcript character varying,
    hgvsc character varying,
    protein character varying,
    hgvsp character varying,
    consequences text[],
    exon_distance integer,
    coding_region_distance integer,
    CONSTRAINT pk_{transcript} PRIMARY KEY (id),
    CONSTRAINT fk_{transcript}_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id)
);
CREATE INDEX ix_{transcript}_allele_id ON {transcript} (allele_id);
CREATE INDEX ix_{transcript}_hgnc_id ON {transcript} (hgnc_id);
CREATE INDEX ix_{transcript}_symbol ON {transcript} (symbol);
CREATE INDEX ix_{transcript}_transcript ON {transcript} (transcript);
CREATE INDEX ix_{transcript}_hgvsc ON {transcript} (lower(hgvsc));
CREATE TABLE {frequency} (
    id serial NOT NULL,
    allele_id integer,
{frequency_columns}    CONSTRAINT pk_{frequency} PRIMARY KEY (id),
    CONSTRAINT fk_{frequency}_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id)
);
CREATE INDEX ix_{frequency}_allele_id ON {frequency} (allele_id);
"
    )
}

/// The transcript columns and their values read from the transcript object `t`.
const TRANSCRIPT_COLUMNS: &str = "allele_id, hgnc_id, symbol, transcript, hgvsc, protein, hgvsp, \
                                  consequences, exon_distance, coding_region_distance";
const TRANSCRIPT_VALUES: &str = "(t->>'hgnc_id')::integer, t->>'symbol', t->>'transcript', \
    t->>'HGVSc', t->>'protein', t->>'HGVSp', \
    ARRAY(SELECT jsonb_array_elements_text(t->'consequences')), \
    (t->>'exon_distance')::integer, (t->>'coding_region_distance')::integer";

/// Fills the `prefix` shadow tables from every current annotation, in two set-based statements.
pub(crate) fn populate_tables_sql(prefix: &str, groups: &FrequencyGroups) -> String {
    let [transcripts, frequencies] = insert_rows_sql(
        prefix,
        groups,
        "(SELECT allele_id, annotations, id AS ord FROM annotation
          WHERE date_superceeded IS NULL)",
    );
    format!("{transcripts};\n{frequencies};\n")
}

/// The two statements that insert into the `prefix` shadow tables the rows of the annotation
/// documents of `rows`, a FROM item with the columns `allele_id`, `annotations` and `ord`. Rows
/// are written in the trigger's order: by `ord`, then transcript order.
fn insert_rows_sql(prefix: &str, groups: &FrequencyGroups, rows: &str) -> [String; 2] {
    let (frequency_columns, frequency_values) = frequency_insert_lists(groups);
    [
        format!(
            "INSERT INTO {prefix}annotationshadowtranscript ({TRANSCRIPT_COLUMNS})
    SELECT a.allele_id, {TRANSCRIPT_VALUES}
    FROM {rows} AS a,
        jsonb_array_elements(a.annotations->'transcripts') WITH ORDINALITY AS x(t, ord)
    ORDER BY a.ord, x.ord"
        ),
        format!(
            "INSERT INTO {prefix}annotationshadowfrequency ({frequency_columns})
    SELECT {frequency_values} FROM {rows} AS a ORDER BY a.ord"
        ),
    ]
}

/// How the shadow rows of bulk-inserted annotation rows get written.
///
/// Normally the statement that inserts the annotation rows writes them. In a database whose
/// trigger functions are ELLA's own (re-created by ELLA's refresh, say) the triggers do, as
/// before.
#[derive(Debug, Clone)]
pub struct ShadowWriter {
    /// Common table expressions that replace the shadow rows of the alleles in the CTE `n`
    /// (`allele_id`, `annotations`, `ord`; `$1` holds the allele ids), set-based, as the trigger
    /// would for each inserted row; `None` when the triggers do it.
    ctes: Option<String>,
}

impl ShadowWriter {
    /// The writer for the configured frequencies. Refused when `annotationshadowfrequency` does
    /// not have exactly the configured columns (the trigger functions were generated from
    /// another configuration: `database refresh` has not run since it changed).
    pub fn new(conn: &mut PgConnection, groups: &FrequencyGroups) -> Result<Self> {
        #[derive(QueryableByName)]
        struct Column {
            #[diesel(sql_type = Text)]
            name: String,
            #[diesel(sql_type = Text)]
            data_type: String,
        }
        #[derive(QueryableByName)]
        struct Aware {
            #[diesel(sql_type = diesel::sql_types::Bool)]
            aware: bool,
        }
        let actual: Vec<(String, String)> = diesel::sql_query(
            "SELECT column_name::text AS name, data_type::text AS data_type
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = 'annotationshadowfrequency'
                 AND column_name NOT IN ('id', 'allele_id')
             ORDER BY ordinal_position",
        )
        .load::<Column>(conn)?
        .into_iter()
        .map(|column| (column.name, column.data_type))
        .collect();
        let expected: Vec<(String, String)> = groups
            .columns()
            .iter()
            .flat_map(|column| {
                [
                    (
                        format!("{}.{}", column.provider, column.population),
                        "double precision".to_owned(),
                    ),
                    (
                        format!("{}_num.{}", column.provider, column.population),
                        "integer".to_owned(),
                    ),
                ]
            })
            .collect();
        if actual != expected {
            return Err(Error::Invalid(
                "the columns of annotationshadowfrequency do not match frequencies.groups of the \
                 configuration; run `ella-cli database refresh`"
                    .to_owned(),
            ));
        }
        let triggers_stand_aside = diesel::sql_query(format!(
            "SELECT count(*) = 2 AS aware FROM pg_proc
             WHERE pronamespace = 'public'::regnamespace
                 AND proname IN ('annotation_schema_version', 'annotation_to_annotationshadow')
                 AND prosrc LIKE '%{}%'",
            crate::annotation::DERIVED_BY_WRITER
        ))
        .get_result::<Aware>(conn)?
        .aware;
        if !triggers_stand_aside {
            tracing::warn!(
                "the annotation trigger functions are ELLA's own: annotation is imported at \
                 their speed"
            );
            return Ok(Self { ctes: None });
        }
        let [transcripts, frequencies] = insert_rows_sql("", groups, "n");
        // `$1` is the batch's allele ids: an index scan, where a join with `n` reads the whole
        // shadow table for every batch.
        let delete = |table: &str| format!("DELETE FROM {table} WHERE allele_id = ANY($1)");
        Ok(Self {
            ctes: Some(format!(
                "deleted_transcripts AS ({}),
                 deleted_frequencies AS ({}),
                 transcripts AS ({transcripts}),
                 frequencies AS ({frequencies})",
                delete("annotationshadowtranscript"),
                delete("annotationshadowfrequency"),
            )),
        })
    }

    /// The common table expressions that write the shadow rows of the CTE `n`, unless the
    /// triggers write them.
    pub(crate) fn ctes(&self) -> Option<&str> {
        self.ctes.as_deref()
    }
}

/// The functions and the trigger that keep the shadow tables in step with `annotation`.
///
/// The trigger function `annotation_to_annotationshadow()` itself is created by the migration
/// `annotation_bulk_writes` (it lets bulk writers that write the shadow rows themselves skip it).
pub(crate) fn functions_and_trigger_sql(groups: &FrequencyGroups) -> String {
    let (frequency_columns, frequency_values) = frequency_insert_lists(groups);
    format!(
        "CREATE OR REPLACE FUNCTION insert_annotationshadowtranscript(allele_id integer, annotations jsonb)
RETURNS void AS $$
BEGIN
    INSERT INTO annotationshadowtranscript ({TRANSCRIPT_COLUMNS})
        SELECT allele_id, {TRANSCRIPT_VALUES}
        FROM jsonb_array_elements(annotations->'transcripts') AS t;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION insert_annotationshadowfrequency(allele_id integer, annotations jsonb)
RETURNS void AS $$
BEGIN
    INSERT INTO annotationshadowfrequency ({frequency_columns})
        VALUES ({frequency_values});
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION delete_annotationshadow(al_id integer) RETURNS void AS $$
BEGIN
    DELETE FROM annotationshadowtranscript WHERE allele_id = al_id;
    DELETE FROM annotationshadowfrequency WHERE allele_id = al_id;
END;
$$ LANGUAGE plpgsql;

-- An insert replaces the allele's shadow rows; the columns they come from may never change. The
-- trigger function, which does not depend on the configuration, comes from the migration
-- `annotation_bulk_writes`.
DROP TRIGGER IF EXISTS annotation_to_annotationshadow ON annotation;
CREATE TRIGGER annotation_to_annotationshadow BEFORE INSERT OR UPDATE OR DELETE ON annotation
    FOR EACH ROW EXECUTE FUNCTION annotation_to_annotationshadow();
",
    )
}

/// The frequencies that a filter config's or ACMG config's `groups` use but the config lacks.
///
/// ELLA compares (provider, population) pairs, whichever group (`external` or `internal`) they
/// are listed under.
pub fn missing_frequency_columns(
    used_groups: &Value,
    configured: &FrequencyGroups,
) -> BTreeSet<FrequencyColumn> {
    let configured: BTreeSet<FrequencyColumn> = configured.columns().into_iter().collect();
    let Some(groups) = used_groups.as_object() else {
        return BTreeSet::new();
    };
    groups
        .values()
        .filter_map(Value::as_object)
        .flat_map(|providers| providers.iter())
        .flat_map(|(provider, populations)| {
            populations
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|population| FrequencyColumn {
                    provider: provider.clone(),
                    population: population.to_owned(),
                })
        })
        .filter(|column| !configured.contains(column))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn groups() -> FrequencyGroups {
        serde_json::from_value(json!({
            "external": {"GNOMAD_EXOMES": ["G", "AFR"]},
            "internal": {"inDB": ["OUSWES"]}
        }))
        .unwrap()
    }

    #[test]
    fn columns_follow_config_order_float_first() {
        let names = frequency_column_names(&groups().columns());
        assert_eq!(
            names,
            [
                "\"GNOMAD_EXOMES.G\"",
                "\"GNOMAD_EXOMES_num.G\"",
                "\"GNOMAD_EXOMES.AFR\"",
                "\"GNOMAD_EXOMES_num.AFR\"",
                "\"inDB.OUSWES\"",
                "\"inDB_num.OUSWES\""
            ]
        );
    }

    #[test]
    fn identifiers_and_literals_are_escaped() {
        assert_eq!(quote_identifier("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_literal("o'k"), "'o''k'");
    }

    #[test]
    fn missing_columns_ignore_the_group_they_are_listed_under() {
        let used = json!({"internal": {"GNOMAD_EXOMES": ["G"]}, "external": {"ExAC": ["G"]}});
        let missing = missing_frequency_columns(&used, &groups());
        assert_eq!(
            missing.into_iter().collect::<Vec<_>>(),
            [FrequencyColumn {
                provider: "ExAC".into(),
                population: "G".into()
            }]
        );
        assert!(missing_frequency_columns(&json!(null), &groups()).is_empty());
    }
}
