//! Tests of the real `ella-cli` binary against real PostgreSQL databases (one test binary, one
//! module per command group).

mod common;
mod database;
mod deposit;
mod fixtures;
