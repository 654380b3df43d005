//! The annotation of imported alleles: converting a record's INFO with the active annotation
//! config (import.md §8.1, §8.4), choosing each document's schema version, and storing the
//! documents with ELLA's versioning (§8.8) and their shadow rows.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use diesel::PgConnection;
use ella_config::FrequencyGroups;
use ella_db::annotation::{self as rows, NewAnnotation};
use ella_db::annotationconfig::active_annotation_config;
use ella_db::shadow::ShadowWriter;
use serde_json::Value;

use super::annotation_schemas::AnnotationSchemas;
use crate::annotation::{self, AnnotationConfig, InfoHeader, RecordConverter};
use crate::vcf::{VcfHeader, VcfRecord};
use crate::{Error, Result};

/// What a deposit annotates with: the annotation config it converts with, the active one
/// (highest id) when the deposit starts (§8.1), and what the database triggers would otherwise
/// do per row (the schemas that pick `schema_version`, the shadow rows).
pub(super) struct AnnotationSource {
    config: AnnotationConfig,
    id: i32,
    schemas: AnnotationSchemas,
    shadow: ShadowWriter,
}

impl AnnotationSource {
    /// Reads the active annotation config and the annotation schemas, after claiming the right
    /// to write annotation until the end of the transaction (concurrent imports would otherwise
    /// collide on the same alleles' current annotation). `groups` are the configured frequencies,
    /// which the shadow table must have.
    pub(super) fn active(conn: &mut PgConnection, groups: &FrequencyGroups) -> Result<Self> {
        ella_db::annotation::lock_annotation_writers(conn)?;
        let row = active_annotation_config(conn)?.ok_or_else(|| {
            Error::Invalid("There is no annotation config; deposit one first".to_owned())
        })?;
        Ok(Self {
            config: AnnotationConfig::from_deposit(&row.deposit)?,
            id: row.id,
            schemas: AnnotationSchemas::load(conn)?,
            shadow: ShadowWriter::new(conn, groups)?,
        })
    }

    /// The schema version of `document`; see [`AnnotationSchemas::version_of`].
    pub(super) fn schema_version(&self, document: &Value) -> Result<i32, String> {
        self.schemas.version_of(document)
    }

    /// The converter for a VCF with this header (ELLA rebuilds its converters per file).
    pub(super) fn compile(&self, header: &VcfHeader) -> RecordConverter {
        let headers: Vec<InfoHeader> = header
            .infos()
            .iter()
            .map(|(id, definition)| InfoHeader {
                id: id.clone(),
                value_type: definition.ty(),
                description: definition.description().to_owned(),
            })
            .collect();
        self.config.compile(&headers)
    }
}

/// The annotation document of `record`; a failure names the file and line.
pub(super) fn convert(converter: &RecordConverter, record: &VcfRecord) -> Result<Value> {
    let info: Vec<annotation::InfoField<'_>> = record
        .info()
        .map(|field| (field.key(), field.raw()))
        .collect();
    converter
        .convert(&info)
        .map_err(|error| error.at(record.path(), record.line_number()))
}

/// Stores `documents[i]`, of schema version `versions[i]`, as the annotation of `allele_ids[i]`
/// (§8.8): a current row with the same document and config is kept; any other current row is
/// superseded (before the insert, because of the one-current-row index) and the new row points
/// back at it.
///
/// The alleles must be distinct: two documents for one allele would both try to be current.
pub(super) fn store(
    conn: &mut PgConnection,
    allele_ids: &[i32],
    documents: &[Value],
    versions: &[i32],
    source: &AnnotationSource,
) -> Result<()> {
    let config_id = source.id;
    let current: HashMap<i32, (i32, i32)> = rows::current_annotations(conn, allele_ids)?
        .into_iter()
        .filter_map(|row| Some((row.allele_id?, (row.id, row.annotation_config_id))))
        .collect();
    // Only documents of alleles whose current row has the same config can be unchanged.
    let (compare_ids, compare_documents): (Vec<i32>, Vec<&Value>) = allele_ids
        .iter()
        .zip(documents)
        .filter_map(|(allele_id, document)| match current.get(allele_id) {
            Some(&(id, current_config)) if current_config == config_id => Some((id, document)),
            _ => None,
        })
        .unzip();
    let unchanged: HashSet<i32> = if compare_ids.is_empty() {
        HashSet::new()
    } else {
        rows::same_documents(conn, &compare_ids, &compare_documents)?
            .into_iter()
            .collect()
    };
    let mut superseded = Vec::new();
    let mut new_rows = Vec::new();
    for ((allele_id, document), &schema_version) in allele_ids.iter().zip(documents).zip(versions) {
        let previous = current.get(allele_id).map(|&(id, _)| id);
        if previous.is_some_and(|id| unchanged.contains(&id)) {
            continue;
        }
        superseded.extend(previous);
        new_rows.push(NewAnnotation {
            allele_id: *allele_id,
            annotations: document,
            previous_annotation_id: previous,
            schema_version,
        });
    }
    // One clock reading: the old row ends when the new one begins (datamodel.md §15.3 item 15).
    let now = Utc::now();
    rows::supersede(conn, &superseded, now)?;
    rows::insert_annotations(conn, &new_rows, config_id, now, &source.shadow)?;
    Ok(())
}
