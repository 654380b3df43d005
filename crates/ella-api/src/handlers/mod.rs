//! One module per ELLA resource (api.md §4), each with thin handlers: extract and validate,
//! authorise, run one use case on a pooled connection off the async threads, convert to the wire
//! types, respond.

pub mod alleles;
pub mod analyses;
pub mod annotationconfigs;
pub mod assessments;
pub mod attachments;
pub mod broadcasts;
pub mod config;
pub mod customannotations;
pub mod geneassessments;
pub mod genepanels;
pub mod igv;
mod listing;
pub mod overviews;
pub mod references;
pub mod search;
pub mod specs;
pub mod ui;
pub mod users;
