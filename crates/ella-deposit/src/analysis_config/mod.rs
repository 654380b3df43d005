//! Describing an analysis to deposit (import.md §2): what `ella-cli deposit analysis` and the
//! analyses watcher are given, normalised into one [`AnalysisConfig`].
//!
//! Four inputs are accepted (§2): a `.analysis` file (current format §2.1 or legacy §2.2), a
//! folder holding one `.analysis` file, a folder without one (§2.4) and a bare VCF. Everything
//! that can be checked without the database and without reading the VCF records is checked here:
//! the names (§2.5), that the VCF and PED files exist, and the PED files themselves (§2.7). Once
//! the VCF's sample columns are known, [`AnalysisData::sample_plan`] decides the sample rows and
//! their family links (§3.2).
//!
//! `.sample` files (§2.6) are sequencing metadata that ELLA ignores, so nothing here reads them.

mod analysis_file;
mod files;
mod legacy;
mod load;
mod names;
mod ped;
mod samples;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use names::{parse_folder_name, parse_vcf_file_name, ParsedName};
pub use ped::{Pedigree, PedigreeEntry, Sex};
pub use samples::{PlannedSample, SamplePlan};

use crate::{Error, Result};

/// The priority of an analysis whose description gives none (§2.1: 1 is "normal").
const DEFAULT_PRIORITY: i32 = 1;

/// An analysis to deposit, normalised from any of the accepted inputs (§2.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisConfig {
    /// The analysis name, unique in the database.
    pub name: String,
    /// Name of the analysis' gene panel.
    pub genepanel_name: String,
    /// Version of the analysis' gene panel.
    pub genepanel_version: String,
    /// Initial priority of the interpretation (1 normal, 2 high, 3 urgent).
    pub priority: i32,
    /// When the analysis was requested (stored as midnight of that day).
    pub date_requested: Option<NaiveDate>,
    /// Content of `report.txt` (§2.3).
    pub report: Option<String>,
    /// Content of `warnings.txt` (§2.3).
    pub warnings: Option<String>,
    /// One entry per VCF, deposited in this order.
    pub data: Vec<AnalysisData>,
}

impl AnalysisConfig {
    /// Describes the analysis at `path`: a `.analysis` file, an analysis folder (with or without
    /// a `.analysis` file) or a `.vcf`/`.vcf.gz` file. Relative paths are resolved against the
    /// folder of the `.analysis` file; the VCF and PED files must exist, and PED files are read.
    pub fn load(path: &Path) -> Result<Self> {
        load::load(path)
    }

    /// A description with defaults for everything but the name, panel and data (§2.4, §2.5).
    fn from_name(name: ParsedName, data: Vec<AnalysisData>) -> Self {
        Self {
            name: name.analysis_name,
            genepanel_name: name.genepanel_name,
            genepanel_version: name.genepanel_version,
            priority: DEFAULT_PRIORITY,
            date_requested: None,
            report: None,
            warnings: None,
            data,
        }
    }
}

/// One VCF of an analysis with the facts about its samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisData {
    /// The VCF file (absolute).
    pub vcf: PathBuf,
    /// Sequencing technology, stored as every sample's `sample_type`.
    pub technology: SampleType,
    /// The family of the VCF's samples, when a PED file goes with it.
    pub pedigree: Option<Pedigree>,
}

impl AnalysisData {
    /// Resolves `vcf` and `ped` against `folder`, checks that they are files and reads the PED.
    fn new(folder: &Path, vcf: &Path, ped: Option<&Path>, technology: SampleType) -> Result<Self> {
        let vcf = files::existing_file(folder, vcf)?;
        let pedigree = ped
            .map(|ped| Pedigree::read(&files::existing_file(folder, ped)?))
            .transpose()?;
        Ok(Self {
            vcf,
            technology,
            pedigree,
        })
    }

    /// Decides the sample rows for the VCF's sample columns `vcf_samples` (in column order):
    /// who is the proband, parents, siblings, sex, affected status and family (§3.2). Fails,
    /// naming the VCF and PED files, when the samples and the PED do not fit together.
    pub fn sample_plan(&self, vcf_samples: &[String]) -> Result<SamplePlan> {
        samples::plan(self, vcf_samples)
    }
}

/// `sample.sample_type`: the sequencing technology of a VCF's samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleType {
    /// `HTS`, high-throughput sequencing (the default).
    Hts,
    /// `Sanger`.
    Sanger,
}

impl SampleType {
    /// The database label, `HTS` or `Sanger`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hts => "HTS",
            Self::Sanger => "Sanger",
        }
    }

    /// The technology called `label` in a `.analysis` file of `path`.
    fn parse(label: &str, path: &Path) -> Result<Self> {
        [Self::Hts, Self::Sanger]
            .into_iter()
            .find(|technology| technology.as_str() == label)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "{}: technology `{label}` is not HTS or Sanger",
                    path.display()
                ))
            })
    }
}
