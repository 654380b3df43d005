//! The association tables that have no primary key in ELLA's schema.
//!
//! `diesel print-schema` cannot declare them, so they are written here with a pseudo key over
//! their natural columns. Diesel does not check that key against the database: only insert,
//! delete and join these tables, never `find` or `save_changes`.

#![expect(missing_docs, reason = "table declarations, described per table")]

diesel::table! {
    /// Transcripts of a gene panel, with the gene's inheritance in that panel.
    genepanel_transcript (genepanel_name, genepanel_version, transcript_id) {
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        transcript_id -> Int4,
        inheritance -> Text,
    }
}

diesel::table! {
    /// Phenotypes of a gene panel.
    genepanel_phenotype (genepanel_name, genepanel_version, phenotype_id) {
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        phenotype_id -> Int4,
    }
}

diesel::table! {
    /// The gene panels a user group may work with (the basis of access control).
    usergroupgenepanel (usergroup_id, genepanel_name, genepanel_version) {
        usergroup_id -> Nullable<Int4>,
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
    }
}

diesel::table! {
    /// The groups a group may import data for.
    usergroupimport (usergroup_id, usergroupimport_id) {
        usergroup_id -> Int4,
        usergroupimport_id -> Int4,
    }
}

diesel::table! {
    /// Reference assessments that were current when an allele assessment was made.
    alleleassessmentreferenceassessment (alleleassessment_id, referenceassessment_id) {
        alleleassessment_id -> Nullable<Int4>,
        referenceassessment_id -> Nullable<Int4>,
    }
}

diesel::table! {
    /// Attachments of an allele assessment.
    alleleassessmentattachment (alleleassessment_id, attachment_id) {
        alleleassessment_id -> Nullable<Int4>,
        attachment_id -> Nullable<Int4>,
    }
}

diesel::joinable!(genepanel_transcript -> transcript (transcript_id));
diesel::joinable!(genepanel_phenotype -> phenotype (phenotype_id));

use crate::schema::{gene, phenotype, transcript};

diesel::allow_tables_to_appear_in_same_query!(genepanel_transcript, transcript);
diesel::allow_tables_to_appear_in_same_query!(genepanel_transcript, gene);
diesel::allow_tables_to_appear_in_same_query!(genepanel_phenotype, phenotype);
