//! Domain types and pure rules of ELLA that every other crate shares.
//!
//! Nothing in this crate does I/O: it takes values and returns values, so that the rules can be
//! tested without a database or a network.

pub mod password;
pub mod pubmed;
