//! `analyses-watcher`: imports analysis folders that appear in `ANALYSES_INCOMING`.
//!
//! A folder is imported once its `READY` marker exists, in one database transaction, and then
//! moved to `ANALYSES_PATH`. Several watchers may run against one database: each folder is
//! claimed with a PostgreSQL advisory lock, so it is imported once. A failed folder stays where it
//! is, with the error written beside it (`<folder>.import-error.txt`), and is not retried until an
//! operator removes that file. SIGTERM or SIGINT end the watcher after the current import.
//!
//! Reads `DB_URL`, `ELLA_CONFIG`, `ELLA_ROOT`, `ANALYSES_INCOMING`, `ANALYSES_PATH`,
//! `ELLA_WATCHER_WHITELISTFILE`, `ELLA_WATCHER_BLACKLISTFILE` and `RUST_LOG`.

mod args;
mod folder;
mod patterns;
mod watch;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ella_telemetry::init();
    let args = args::Args::parse();
    match watch::run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            ExitCode::FAILURE
        }
    }
}
