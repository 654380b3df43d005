//! Stand-alone allele deposit (import.md §9): the alleles and annotation of every record of a
//! VCF, without samples, genotypes or analysis; used by `deposit alleles`, `deposit annotation`
//! and the annotation jobs of the variant import.

use std::collections::HashSet;
use std::path::Path;

use chrono::Utc;
use diesel::PgConnection;
use ella_config::Config;
use ella_db::genepanel::panel_exists;
use ella_db::{allele, interpretation};

use super::annotations::AnnotationSource;
use super::records::RecordImporter;
use crate::vcf::{CallerType, NewAllele, VcfReader, VcfRecord};
use crate::{Error, Result};

/// Records per batch (ELLA's `BATCH_SIZE` of `deposit_alleles.py`).
const BATCH_SIZE: usize = 1000;

/// Deposits the alleles and annotation of every record of `vcf` (genotypes are ignored) and
/// returns the number of records, in the caller's transaction.
///
/// `genepanel` must exist when given. Unless `annotation_only`, it is required: every small
/// variant must lie inside one of its transcripts (else nothing is deposited and the message
/// lists the variants outside), and each allele without an allele interpretation gets a `Not
/// started` round with the panel (structural variants cannot, as in ELLA). With
/// `annotation_only` only alleles and annotation are written (`deposit annotation`).
pub fn deposit_alleles(
    conn: &mut PgConnection,
    vcf: &Path,
    genepanel: Option<(&str, &str)>,
    annotation_only: bool,
    config: &Config,
) -> Result<usize> {
    if let Some((name, version)) = genepanel {
        if !panel_exists(conn, name, version)? {
            return Err(Error::Invalid(format!(
                "Genepanel {name} version {version} not available in varDB"
            )));
        }
    }
    let interpretation_panel =
        match (annotation_only, genepanel) {
            (true, _) => None,
            (false, Some(panel)) => Some(panel),
            (false, None) => return Err(Error::Invalid(
                "A gene panel is needed to deposit alleles (unless only annotation is imported)"
                    .to_owned(),
            )),
        };
    let cnv_enabled = config.settings.app.feature("cnv");
    let source = AnnotationSource::active(conn, &config.settings.frequencies.groups)?;
    let mut reader = VcfReader::open(vcf)?;
    let importer = RecordImporter::new(&source, reader.header());
    let mut buffer: Vec<VcfRecord> = Vec::new();
    let mut total = 0;
    loop {
        let count = read_batch(&mut reader, &mut buffer)?;
        if count == 0 {
            break;
        }
        let records: Vec<&VcfRecord> = buffer[..count].iter().collect();
        if let Some(panel) = interpretation_panel {
            refuse_outside_panel(conn, panel, &records)?;
        }
        let alleles = records
            .iter()
            .map(|record| NewAllele::from_record(record, reader.header(), cnv_enabled))
            .collect::<Result<Vec<_>>>()?;
        let ids = importer.import(conn, &records, &alleles)?;
        if let Some(panel) = interpretation_panel {
            start_interpretations(conn, &ids, &alleles, panel)?;
        }
        total += count;
    }
    tracing::info!(records = total, "alleles deposited");
    Ok(total)
}

/// Reads up to [`BATCH_SIZE`] records into `buffer` (reusing its records) and returns how many.
fn read_batch(reader: &mut VcfReader, buffer: &mut Vec<VcfRecord>) -> Result<usize> {
    buffer.resize_with(BATCH_SIZE, VcfRecord::default);
    let mut count = 0;
    while count < BATCH_SIZE && reader.read_record(&mut buffer[count])? {
        count += 1;
    }
    Ok(count)
}

/// Refuses the batch when a small variant lies outside every transcript of the panel (structural
/// variants are exempt), listing them as ELLA does.
fn refuse_outside_panel(
    conn: &mut PgConnection,
    (name, version): (&str, &str),
    records: &[&VcfRecord],
) -> Result<()> {
    let small: Vec<&VcfRecord> = records
        .iter()
        .copied()
        .filter(|record| record.sv_type().is_none())
        .collect();
    let loci: Vec<(&str, i32)> = small
        .iter()
        .map(|record| (record.chromosome(), record.position().to_zero_based().get()))
        .collect();
    let outside = allele::outside_panel(conn, name, version, &loci)?;
    if outside.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = outside
        .into_iter()
        .map(|index| {
            let record = small[index];
            format!(
                "{}\t{}\t{}\t{}\t{}\n",
                record.chromosome(),
                record.position(),
                record.id(),
                record.reference(),
                record.alternates()
            )
        })
        .collect();
    Err(Error::Invalid(format!(
        "The following variants are not inside the genepanel {name}_{version}\n{}",
        lines.concat()
    )))
}

/// Gives each allele without any allele interpretation a `Not started` round with the panel.
fn start_interpretations(
    conn: &mut PgConnection,
    ids: &[i32],
    alleles: &[NewAllele<'_>],
    panel: (&str, &str),
) -> Result<()> {
    let missing = interpretation::alleles_without_interpretation(conn, ids)?;
    let missing_set: HashSet<i32> = missing.iter().copied().collect();
    let structural = ids
        .iter()
        .zip(alleles)
        .any(|(id, allele)| allele.caller_type == CallerType::Cnv && missing_set.contains(id));
    if structural {
        return Err(Error::Invalid(
            "Standalone CNV variants not yet supported".to_owned(),
        ));
    }
    interpretation::insert_allele_interpretations(conn, &missing, panel, Utc::now())?;
    Ok(())
}
