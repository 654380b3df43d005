//! Integration tests of the API: the real application (`ella_api::app`) on a PostgreSQL database
//! of its own per test, loaded with ELLA's test fixtures. No mocks.

mod access;
mod allele_worklists;
mod alleles;
mod analyses;
mod attachments;
mod auth;
mod bad_input;
mod common;
mod genepanels;
mod golden;
mod igv;
mod literature;
mod overviews;
mod resources;
mod search;
mod ui;
