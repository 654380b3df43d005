//! Depositing one VCF of an analysis (import.md §3.1 step 5): its samples, then batch by batch
//! the proband's (prefiltered) alleles with their annotation, and the genotype rows.

use diesel::PgConnection;
use ella_db::allele;

use super::annotations::AnnotationSource;
use super::genotypes;
use super::prefilter::{Criterion, Prefilter, Selection};
use super::records::RecordImporter;
use super::samples;
use crate::analysis_config::{AnalysisData, SamplePlan};
use crate::vcf::{
    derive_genotypes, NewAllele, RecordBatch, VcfHeader, VcfReader, VcfRecord, ANALYSIS_BATCH_SIZE,
};
use crate::Result;

/// A VCF of the analysis, opened and matched with its samples before anything is written.
pub(super) struct PreparedVcf {
    reader: VcfReader,
    plan: SamplePlan,
}

impl PreparedVcf {
    /// Opens the VCF of `data` and plans its sample rows: a VCF that cannot be read, or whose
    /// samples do not fit the PED, fails here.
    pub(super) fn open(data: &AnalysisData) -> Result<Self> {
        let reader = VcfReader::open(&data.vcf)?;
        let plan = data.sample_plan(reader.header().samples())?;
        Ok(Self { reader, plan })
    }
}

/// What the analysis deposit hands each VCF.
pub(super) struct VcfDeposit<'s> {
    /// The analysis the samples belong to.
    pub(super) analysis_id: i32,
    /// The annotation config to convert with.
    pub(super) source: &'s AnnotationSource,
    /// Prefilter groups of the matched deposit configuration.
    pub(super) prefilters: &'s [Vec<Criterion>],
    /// Whether structural variants may be imported (feature `cnv`).
    pub(super) cnv_enabled: bool,
}

impl VcfDeposit<'_> {
    /// Deposits `vcf`: sample rows, then every batch. Logs progress without patient data.
    pub(super) fn deposit(&self, conn: &mut PgConnection, vcf: PreparedVcf) -> Result<()> {
        let PreparedVcf { mut reader, plan } = vcf;
        let sample_ids = samples::insert_samples(conn, self.analysis_id, &plan)?;
        let mut batch_deposit = BatchDeposit {
            importer: RecordImporter::new(self.source, reader.header()),
            prefilter: Prefilter::new(self.prefilters.to_vec()),
            sample_ids,
            proband: plan.proband,
            cnv_enabled: self.cnv_enabled,
        };
        let (mut records, mut variants) = (0, 0);
        let mut batch = RecordBatch::default();
        while reader.read_batch(&mut batch, ANALYSIS_BATCH_SIZE)? {
            variants += batch_deposit.deposit(conn, batch.records(), reader.header())?;
            records += batch.records().len();
            tracing::info!(
                analysis_id = self.analysis_id,
                "Progress: {records} records processed, {variants} variants imported"
            );
        }
        Ok(())
    }
}

/// The state of one VCF's deposit across its batches.
struct BatchDeposit<'s> {
    importer: RecordImporter<'s>,
    prefilter: Prefilter,
    sample_ids: Vec<i32>,
    proband: usize,
    cnv_enabled: bool,
}

impl BatchDeposit<'_> {
    /// Deposits one batch and returns the number of proband variants that got a genotype.
    fn deposit(
        &mut self,
        conn: &mut PgConnection,
        records: &[VcfRecord],
        header: &VcfHeader,
    ) -> Result<usize> {
        let selection = self.select(conn, records, header)?;
        let allele_of = |record| NewAllele::from_record(record, header, self.cnv_enabled);
        // The import list: the rescued record of the previous batch first (§5.2), then the
        // selected records of this batch in selection order.
        let mut imported: Vec<&VcfRecord> = Vec::with_capacity(selection.indices.len() + 1);
        let mut alleles = Vec::with_capacity(selection.indices.len() + 1);
        let mut batch_alleles: Vec<Option<NewAllele<'_>>> = vec![None; records.len()];
        if let Some(rescued) = selection.rescued.as_deref() {
            imported.push(rescued);
            alleles.push(allele_of(rescued)?);
        }
        for &index in &selection.indices {
            let allele = allele_of(&records[index])?;
            batch_alleles[index] = Some(allele);
            imported.push(&records[index]);
            alleles.push(allele);
        }
        let ids = self.importer.import(conn, &imported, &alleles)?;
        let mut allele_ids = vec![None; records.len()];
        let batch_ids = &ids[ids.len() - selection.indices.len()..];
        for (&index, &id) in selection.indices.iter().zip(batch_ids) {
            allele_ids[index] = Some(id);
        }
        let blocks = derive_genotypes(records, &batch_alleles, self.proband, header)?;
        genotypes::insert(conn, &blocks, &allele_ids, &self.sample_ids, self.proband)?;
        Ok(blocks
            .iter()
            .map(|block| 1 + usize::from(block.genotype.secondallele.is_some()))
            .sum())
    }

    /// The records of the batch to import: those whose allele the proband has (§3.3), through
    /// the prefilter (§5.2).
    fn select(
        &mut self,
        conn: &mut PgConnection,
        records: &[VcfRecord],
        header: &VcfHeader,
    ) -> Result<Selection> {
        let mut proband = Vec::with_capacity(records.len());
        for (index, record) in records.iter().enumerate() {
            if record.has_allele(self.proband)? {
                proband.push(index);
            }
        }
        let classified = if self.prefilter.needs_classifications() {
            let keys: Vec<allele::VcfKey<'_>> = proband
                .iter()
                .map(|&index| {
                    let record = &records[index];
                    (
                        record.chromosome(),
                        record.position().get(),
                        record.reference(),
                        record.alternate().unwrap_or_default(),
                    )
                })
                .collect();
            allele::classified(conn, &keys)?
        } else {
            Vec::new()
        };
        self.prefilter
            .select(records, &proband, self.proband, &classified, header)
    }
}
