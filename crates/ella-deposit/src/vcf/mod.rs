//! Reading the VCF of an analysis deposit, without a database (import.md §1, §4, §5.1).
//!
//! * [`VcfReader`] opens a plain, BGZF or gzip VCF, parses its header ([`VcfHeader`]: samples,
//!   INFO definitions) and streams [`VcfRecord`]s, one at a time or in the batches of the analysis
//!   deposit ([`VcfReader::read_batch`], which decides where multiallelic blocks may end).
//! * [`NewAllele::from_record`] derives a record's `allele` row (§1.4); [`VcfRecord::has_allele`]
//!   says whether a sample carries it (§1.5).
//! * [`derive_genotypes`] derives the `genotype` and `genotypesampledata` rows of a batch (§4),
//!   given which records' alleles were imported.
//! * [`VcfRecord::info`] / [`VcfRecord::info_json`] give the INFO column raw or typed as ELLA's
//!   annotation converters see it (§1.2).
//!
//! A deposit reads a batch, selects the proband's records (and prefilters them), gets or creates
//! their alleles, converts their INFO, then inserts the genotype rows:
//!
//! ```no_run
//! # fn main() -> ella_deposit::Result<()> {
//! use ella_deposit::vcf::{derive_genotypes, NewAllele, RecordBatch, VcfReader, ANALYSIS_BATCH_SIZE};
//!
//! let mut reader = VcfReader::open("analysis.vcf".as_ref())?;
//! let proband = 0;
//! let mut batch = RecordBatch::default();
//! while reader.read_batch(&mut batch, ANALYSIS_BATCH_SIZE)? {
//!     let records = batch.records();
//!     let mut alleles = Vec::with_capacity(records.len());
//!     for record in records {
//!         alleles.push(if record.has_allele(proband)? {
//!             Some(NewAllele::from_record(record, reader.header(), true)?)
//!         } else {
//!             None
//!         });
//!     }
//!     // ... get or create `alleles`, convert `record.info_json(reader.header())` ...
//!     for block in derive_genotypes(records, &alleles, proband, reader.header())? {
//!         // ... insert `block.genotype` and `block.sample_data` ...
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Errors about the file are [`crate::Error::Parse`] with the 1-based line; a truncated file
//! (cut BGZF or gzip stream, last line without line end) is always an error.

mod allele;
mod genotype;
mod header;
mod info;
mod number;
mod position;
mod reader;
mod record;
mod source;

pub use allele::{CallerType, ChangeType, NewAllele, GENOME_REFERENCE};
pub use genotype::{
    derive_genotypes, AlleleDepth, BlockGenotype, GenotypeType, ProbandGenotype, SampleData,
};
pub use header::{InfoDefinition, InfoType, VcfHeader};
pub use info::{InfoField, InfoFields, InfoValue};
pub use position::{Pos0, VcfPos};
pub use reader::{RecordBatch, VcfReader, ANALYSIS_BATCH_SIZE};
pub use record::{Genotype, VcfRecord, MISSING_ALLELE};
