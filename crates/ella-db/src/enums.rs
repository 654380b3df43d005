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
