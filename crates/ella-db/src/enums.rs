//! Rust forms of ELLA's native PostgreSQL enum types (datamodel.md §2).
//!
//! The labels are bound as the enum type itself; PostgreSQL refuses text for enum columns.

use diesel_derive_enum::DbEnum;

/// `transcript_type`: the kind of a transcript. The gene panel importer always writes `RefSeq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::TranscriptType"]
pub enum TranscriptType {
    /// `RefSeq`.
    #[db_rename = "RefSeq"]
    RefSeq,
    /// `Ensembl`.
    #[db_rename = "Ensembl"]
    Ensembl,
    /// `LRG`.
    #[db_rename = "LRG"]
    Lrg,
}

/// `change_type`: the kind of change of an allele (import.md §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::ChangeType"]
pub enum ChangeType {
    /// `SNP`: one base replaced by another.
    #[db_rename = "SNP"]
    Snp,
    /// `del`: bases removed.
    #[db_rename = "del"]
    Del,
    /// `ins`: bases inserted.
    #[db_rename = "ins"]
    Ins,
    /// `indel`: bases replaced by a different number of bases, or several bases replaced.
    #[db_rename = "indel"]
    Indel,
    /// `dup`: a duplication (structural variant).
    #[db_rename = "dup"]
    Dup,
    /// `dup_tandem`: a tandem duplication (structural variant).
    #[db_rename = "dup_tandem"]
    DupTandem,
    /// `del_me`: a mobile element deletion (structural variant).
    #[db_rename = "del_me"]
    DelMe,
    /// `ins_me`: a mobile element insertion (never produced by the importer).
    #[db_rename = "ins_me"]
    InsMe,
    /// `inv`: an inversion (never produced by the importer).
    #[db_rename = "inv"]
    Inv,
    /// `bnd`: a breakend (never produced by the importer).
    #[db_rename = "bnd"]
    Bnd,
}

/// `caller_type`: which kind of caller found an allele.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::CallerType"]
pub enum CallerType {
    /// `snv`: small variants.
    #[db_rename = "snv"]
    Snv,
    /// `cnv`: structural variants (records with INFO `SVTYPE`).
    #[db_rename = "cnv"]
    Cnv,
}

/// `genotypesampledata_type`: a sample's genotype relative to the proband's variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::GenotypesampledataType"]
pub enum GenotypesampledataType {
    /// `Homozygous`.
    #[db_rename = "Homozygous"]
    Homozygous,
    /// `Heterozygous`.
    #[db_rename = "Heterozygous"]
    Heterozygous,
    /// `Reference`.
    #[db_rename = "Reference"]
    Reference,
    /// `No coverage`.
    #[db_rename = "No coverage"]
    NoCoverage,
}

/// `sample_type`: the sequencing technology of a sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::SampleType"]
pub enum SampleType {
    /// `HTS`: high-throughput sequencing.
    #[db_rename = "HTS"]
    Hts,
    /// `Sanger`.
    #[db_rename = "Sanger"]
    Sanger,
}

/// `sample_sex` (NULL in the column means unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::SampleSex"]
pub enum SampleSex {
    /// `Male`.
    #[db_rename = "Male"]
    Male,
    /// `Female`.
    #[db_rename = "Female"]
    Female,
}

/// `interpretation_status`: the status of an interpretation round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::InterpretationStatus"]
pub enum InterpretationStatus {
    /// `Not started`.
    #[db_rename = "Not started"]
    NotStarted,
    /// `Ongoing`.
    #[db_rename = "Ongoing"]
    Ongoing,
    /// `Done`.
    #[db_rename = "Done"]
    Done,
}

/// `analysisinterpretation_workflow_status`: the workflow step of an analysis interpretation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::AnalysisinterpretationWorkflowStatus"]
pub enum AnalysisinterpretationWorkflowStatus {
    /// `Not ready`.
    #[db_rename = "Not ready"]
    NotReady,
    /// `Interpretation` (the default).
    #[db_rename = "Interpretation"]
    Interpretation,
    /// `Review`.
    #[db_rename = "Review"]
    Review,
    /// `Medical review`.
    #[db_rename = "Medical review"]
    MedicalReview,
}

/// `alleleinterpretation_workflow_status`: the workflow step of an allele interpretation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DbEnum)]
#[ExistingTypePath = "crate::schema::sql_types::AlleleinterpretationWorkflowStatus"]
pub enum AlleleinterpretationWorkflowStatus {
    /// `Interpretation` (the default).
    #[db_rename = "Interpretation"]
    Interpretation,
    /// `Review`.
    #[db_rename = "Review"]
    Review,
}
