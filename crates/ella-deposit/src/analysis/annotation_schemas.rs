//! ELLA's annotation JSON schemas applied while importing (datamodel.md §8.1), instead of by the
//! database trigger `annotation_schema_version`: a document gets the highest stored version whose
//! schema validates it, and a document that no version validates is refused.
//!
//! The schemas are the database's own `jsonschema` rows, read once per deposit. ELLA's resolved
//! schemas contain no `$ref` and declare Draft 7; formats are not checked (the plpgsql validator
//! ignores them). The equivalence with the plpgsql validator is tested on every annotation
//! document of the test data and on hand-made edge cases (`tests/analysis.rs`).

use diesel::PgConnection;
use serde_json::Value;

use crate::fixtures::describe_schema_error;
use crate::{Error, Result};

/// The compiled annotation schemas of the database, newest version first.
pub(super) struct AnnotationSchemas {
    newest_first: Vec<(i32, jsonschema::Validator)>,
}

impl AnnotationSchemas {
    /// Reads and compiles the `jsonschema` rows named `annotation`.
    pub(super) fn load(conn: &mut PgConnection) -> Result<Self> {
        let newest_first = ella_db::annotation::annotation_schemas(conn)?
            .into_iter()
            .map(|(version, schema)| {
                jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft7)
                    .should_validate_formats(false)
                    .build(&schema)
                    .map(|validator| (version, validator))
                    .map_err(|error| {
                        Error::Invalid(format!(
                            "the stored annotation JSON schema version {version} is unusable: \
                             {error}"
                        ))
                    })
            })
            .collect::<Result<_>>()?;
        Ok(Self { newest_first })
    }

    /// The version the trigger would store for `document`, or, when no version validates it,
    /// what each version found wrong.
    pub(super) fn version_of(&self, document: &Value) -> Result<i32, String> {
        if let Some((version, _)) = self
            .newest_first
            .iter()
            .find(|(_, validator)| validator.is_valid(document))
        {
            return Ok(*version);
        }
        if self.newest_first.is_empty() {
            return Err("the database holds no annotation JSON schema".to_owned());
        }
        let reasons: Vec<String> = self
            .newest_first
            .iter()
            .map(|(version, validator)| {
                let reason = validator
                    .iter_errors(document)
                    .next()
                    .map_or_else(String::new, |error| describe_schema_error(&error));
                format!("version {version}: {reason}")
            })
            .collect();
        Err(reasons.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::{Int4, Jsonb, Nullable};
    use ella_test_support::TestDatabase;
    use serde_json::{json, Value};

    use super::AnnotationSchemas;

    /// A transcript that ELLA's annotation schema accepts, with `changes` applied.
    fn transcript(changes: &Value) -> Value {
        let mut transcript = json!({
            "transcript": "NM_000059.3", "strand": 1, "is_canonical": true,
            "in_last_exon": "no", "consequences": ["missense_variant"], "hgnc_id": 1101,
            "symbol": "BRCA2", "exon": "3/27", "dbsnp": ["rs80358457"], "exon_distance": null,
            "coding_region_distance": 0, "HGVSc": "c.68-7T>A"
        });
        for (key, value) in changes.as_object().expect("object") {
            if value == "<remove>" {
                transcript.as_object_mut().expect("object").remove(key);
            } else {
                transcript[key] = value.clone();
            }
        }
        json!({"transcripts": [transcript]})
    }

    /// Valid and invalid documents on every keyword of ELLA's annotation schema.
    fn documents() -> Vec<Value> {
        let reference = json!({"pubmed_id": 1, "source": "VEP", "source_info": ""});
        let mut documents = vec![
            json!({}),
            json!({"transcripts": []}),
            json!({"external": {"HGMD": {"tag": "DM"}}, "prediction": 1}),
            json!({"frequencies": {"GNOMAD_EXOMES": {"freq": {"G": "not checked"}}}}),
            json!({"frequencies": []}),
            json!({"references": [reference]}),
            json!({"references": [{"pubmed_id": 1.0, "source": "VEP", "source_info": ""}]}),
            json!({"references": [{"pubmed_id": 1.5, "source": "VEP", "source_info": ""}]}),
            json!({"references": [{"pubmed_id": 1, "source": "VEP"}]}),
            json!({"references": [{"pubmed_id": 1, "source": "VEP", "source_info": "", "x": 1}]}),
            json!({"references": {}}),
            json!([]),
            json!("text"),
            Value::Null,
        ];
        for changes in [
            json!({}),
            json!({"hgnc_id": 1101.0}),
            json!({"hgnc_id": 1101.5}),
            json!({"hgnc_id": "1101"}),
            json!({"hgnc_id": null}),
            json!({"strand": 1.0}),
            json!({"strand": -1}),
            json!({"strand": 2}),
            json!({"exon": "x/y"}),
            json!({"exon": "exon 3/27 of the gene"}),
            json!({"dbsnp": ["x"]}),
            json!({"dbsnp": ["see rs1"]}),
            json!({"consequences": ["made_up_variant"]}),
            json!({"consequences": []}),
            json!({"in_last_exon": "maybe"}),
            json!({"is_canonical": 1}),
            json!({"exon_distance": 3}),
            json!({"coding_region_distance": "3"}),
            json!({"unknown_key": 1}),
            json!({"strand": "<remove>"}),
            json!({"symbol": "<remove>"}),
        ] {
            documents.push(transcript(&changes));
        }
        documents
    }

    /// The version each document gets here equals what the database's plpgsql validator gives
    /// (`schema_version(..., allow_null => true)`; NULL where the trigger refuses the document).
    #[test]
    fn versions_equal_the_plpgsql_validator() {
        #[derive(QueryableByName)]
        struct Version {
            #[diesel(sql_type = Nullable<Int4>)]
            version: Option<i32>,
        }
        let database = TestDatabase::migrated();
        let mut conn = database.connect();
        let schemas = AnnotationSchemas::load(&mut conn).expect("schemas");
        let (mut valid, mut invalid) = (0, 0);
        for document in documents() {
            let plpgsql: Version =
                diesel::sql_query("SELECT schema_version($1, 'annotation', true) AS version")
                    .bind::<Jsonb, _>(&document)
                    .get_result(&mut conn)
                    .expect("plpgsql validator");
            let ours = schemas.version_of(&document);
            assert_eq!(
                ours.as_ref().ok(),
                plpgsql.version.as_ref(),
                "{document}: {ours:?}"
            );
            if ours.is_ok() {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
        assert!(
            valid > 10 && invalid > 10,
            "{valid} valid, {invalid} invalid"
        );
    }

    #[test]
    fn a_refusal_says_what_each_version_found() {
        let database = TestDatabase::migrated();
        let schemas = AnnotationSchemas::load(&mut database.connect()).expect("schemas");
        let reasons = schemas
            .version_of(&transcript(&json!({"exon": "x/y"})))
            .expect_err("refused");
        assert!(
            reasons.starts_with("version 1: at `/transcripts/0/exon`: ") && reasons.contains("x/y"),
            "{reasons}"
        );
    }
}
