//! Command line of the watcher: ELLA's options, with the folders also taken from the environment.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

/// Imports analysis folders from the incoming folder and moves them to the destination.
#[derive(Debug, Parser)]
#[command(name = "analyses-watcher", version)]
pub struct Args {
    /// Folder to watch for new analyses.
    #[arg(long, env = "ANALYSES_INCOMING")]
    pub analyses: PathBuf,
    /// Folder that imported analyses are moved into.
    #[arg(long, env = "ANALYSES_PATH")]
    pub dest: PathBuf,
    /// Only import analyses whose name matches one of these patterns (from the start).
    #[arg(long, num_args = 1..)]
    pub whitelist: Vec<String>,
    /// Never import analyses whose name matches one of these patterns.
    #[arg(long, num_args = 1..)]
    pub blacklist: Vec<String>,
    /// File with whitelist patterns, one per line (ignored when --whitelist is given).
    #[arg(long, env = "ELLA_WATCHER_WHITELISTFILE")]
    pub whitelistfile: Option<PathBuf>,
    /// File with blacklist patterns, one per line (ignored when --blacklist is given).
    #[arg(long, env = "ELLA_WATCHER_BLACKLISTFILE")]
    pub blacklistfile: Option<PathBuf>,
    /// Seconds between full rescans; file-system events trigger a scan sooner.
    #[arg(long = "poll-interval", default_value_t = 30)]
    pub poll_interval_seconds: u64,
}

impl Args {
    /// The rescan interval.
    pub fn poll_interval(&self) -> Duration {
        Duration::from_secs(self.poll_interval_seconds.max(1))
    }
}
