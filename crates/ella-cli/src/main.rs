//! `ella-cli`: ELLA's administration command line (database, deposits, users, configs).
//!
//! Reads `DB_URL` and `ELLA_CONFIG` (and `ELLA_ROOT`) once; logs to stderr (`RUST_LOG`, default
//! `info`). Exit codes as ELLA's: 0 done, 1 failed, 2 usage error.

mod audit;
mod cli;
mod commands;
mod context;
mod prompt;
mod table;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ella_telemetry::init();
    let args = cli::normalize_args(std::env::args());
    let command_line = args[1..].join(" ");
    let cli = cli::Cli::parse_from(args);
    match context::Context::from_env(&cli, command_line).and_then(|ctx| commands::run(cli, &ctx)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
