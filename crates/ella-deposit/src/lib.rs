//! Imports into ELLA's database: gene panels and the configuration fixtures (user groups, users,
//! filter configs, references, annotation configs).
//!
//! Each import parses and checks all of its input before it writes anything, and writes inside
//! the caller's transaction, so bad input changes nothing.

pub mod analysis;
pub mod analysis_config;
pub mod annotation;
mod error;
pub mod fixtures;
pub mod genepanel;
pub mod vcf;

pub use error::{Error, Result};
