//! The `ella-api` server: parses its options, loads the configuration once, opens the connection
//! pool and serves the API.
//!
//! Options (each with an environment fallback):
//! - `--bind ADDR` / `API_BIND`: `host:port` (default `127.0.0.1:5000`) or `unix:/path/api.sock`.
//! - `--workers N` / `NUM_WORKERS`: worker threads (default 2).
//!
//! Also read: `ELLA_CONFIG`, `ELLA_ROOT` and the file's `!env` variables (ella-config), `DB_URL`,
//! `RUST_LOG` (ella-telemetry).

use anyhow::{Context, Result};
use clap::Parser;
use ella_api::{app, AppState};
use ella_config::{Config, DatabaseUrl};

/// Blocking threads per worker, which run the database work; the pool has one connection each.
const BLOCKING_THREADS_PER_WORKER: usize = 8;

/// ELLA's REST API server.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Address to listen on: `host:port`, or `unix:/path/to/socket`.
    #[arg(long, env = "API_BIND", default_value = "127.0.0.1:5000")]
    bind: String,
    /// Number of worker threads.
    #[arg(long, env = "NUM_WORKERS", default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..))]
    workers: u16,
}

fn main() -> Result<()> {
    ella_telemetry::init();
    let args = Args::parse();
    let config = Config::from_env().context("loading the configuration")?;
    let url = DatabaseUrl::from_env()?;
    let workers = usize::from(args.workers);
    let pool_size = u32::try_from(workers * BLOCKING_THREADS_PER_WORKER)?;
    let pool = ella_db::connection::pool(&url, pool_size)
        .with_context(|| format!("connecting to {url}"))?;
    let state = actix_web::web::Data::new(AppState::new(&config, pool)?);
    tracing::info!(bind = %args.bind, workers, "starting the API server");
    actix_web::rt::System::new().block_on(serve(state, &args.bind, workers))
}

async fn serve(state: actix_web::web::Data<AppState>, bind: &str, workers: usize) -> Result<()> {
    let server = actix_web::HttpServer::new(move || app(state.clone()))
        .workers(workers)
        .worker_max_blocking_threads(BLOCKING_THREADS_PER_WORKER);
    let server = match bind.strip_prefix("unix:") {
        Some(path) => server
            .bind_uds(path)
            .with_context(|| format!("binding {path}"))?,
        None => server
            .bind(bind)
            .with_context(|| format!("binding {bind}"))?,
    };
    server.run().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Args;

    #[test]
    fn command_line_is_consistent() {
        Args::command().debug_assert();
    }
}
