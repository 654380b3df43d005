//! Importing records as alleles with their annotation (import.md §1.4, §8): the part that the
//! analysis deposit and the stand-alone allele deposit share.

use std::collections::HashMap;

use diesel::PgConnection;
use ella_db::allele::{self, AlleleRow};
use ella_db::enums;

use super::annotations::{self, AnnotationSource};
use crate::annotation::RecordConverter;
use crate::vcf::{CallerType, ChangeType, NewAllele, VcfHeader, VcfRecord};
use crate::{Error, Result};

/// What imports the records of one VCF.
pub(super) struct RecordImporter<'s> {
    source: &'s AnnotationSource,
    converter: RecordConverter,
}

impl<'s> RecordImporter<'s> {
    /// An importer for the VCF with `header`.
    pub(super) fn new(source: &'s AnnotationSource, header: &VcfHeader) -> Self {
        Self {
            source,
            converter: source.compile(header),
        }
    }

    /// Gets or creates the allele of each record and stores its annotation; returns the allele
    /// ids in record order. `alleles[i]` is the allele of `records[i]`.
    ///
    /// Two records of one variant are refused: ELLA's batch insert fails on them (§1.3).
    pub(super) fn import(
        &self,
        conn: &mut PgConnection,
        records: &[&VcfRecord],
        alleles: &[NewAllele<'_>],
    ) -> Result<Vec<i32>> {
        refuse_repeats(records)?;
        let documents = records
            .iter()
            .map(|record| annotations::convert(&self.converter, record))
            .collect::<Result<Vec<_>>>()?;
        let versions = records
            .iter()
            .zip(&documents)
            .map(|(record, document)| self.schema_version(record, document))
            .collect::<Result<Vec<_>>>()?;
        let rows: Vec<AlleleRow<'_>> = alleles.iter().map(allele_row).collect();
        let ids = allele::get_or_create(conn, &rows)?;
        annotations::store(conn, &ids, &documents, &versions, self.source)?;
        Ok(ids)
    }

    /// The schema version of the annotation `document` of `record`. A document that no stored
    /// schema validates is refused, as the database trigger refuses it, naming the variant.
    fn schema_version(&self, record: &VcfRecord, document: &serde_json::Value) -> Result<i32> {
        self.source
            .schema_version(document)
            .map_err(|reasons| Error::Parse {
                path: record.path().to_owned(),
                line: Some(record.line_number()),
                message: format!(
                    "the annotation document of the variant {}:{} {}>{} validates against none \
                     of ELLA's annotation JSON schemas ({reasons})",
                    record.chromosome(),
                    record.position().get(),
                    record.reference(),
                    record.alternate().unwrap_or_default()
                ),
            })
    }
}

/// The `allele` row of a derived allele.
fn allele_row<'a>(allele: &NewAllele<'a>) -> AlleleRow<'a> {
    AlleleRow {
        chromosome: allele.chromosome,
        start_position: allele.start_position.get(),
        open_end_position: allele.open_end_position.get(),
        change_from: allele.change_from,
        change_to: allele.change_to,
        change_type: match allele.change_type {
            ChangeType::Snp => enums::ChangeType::Snp,
            ChangeType::Del => enums::ChangeType::Del,
            ChangeType::Ins => enums::ChangeType::Ins,
            ChangeType::Indel => enums::ChangeType::Indel,
            ChangeType::Dup => enums::ChangeType::Dup,
            ChangeType::DupTandem => enums::ChangeType::DupTandem,
            ChangeType::DelMe => enums::ChangeType::DelMe,
        },
        vcf_pos: allele.vcf_pos.get(),
        vcf_ref: allele.vcf_ref,
        vcf_alt: allele.vcf_alt,
        length: allele.length,
        caller_type: match allele.caller_type {
            CallerType::Snv => enums::CallerType::Snv,
            CallerType::Cnv => enums::CallerType::Cnv,
        },
    }
}

/// Refuses a second record with the same `CHROM`, `POS`, `REF` and first `ALT`.
fn refuse_repeats(records: &[&VcfRecord]) -> Result<()> {
    let mut seen = HashMap::with_capacity(records.len());
    for record in records {
        let key = (
            record.chromosome(),
            record.position(),
            record.reference(),
            record.alternate(),
        );
        if let Some(line) = seen.insert(key, record.line_number()) {
            return Err(Error::Parse {
                path: record.path().to_owned(),
                line: Some(record.line_number()),
                message: format!(
                    "the record repeats the variant of line {line}; duplicate records are not \
                     supported"
                ),
            });
        }
    }
    Ok(())
}
