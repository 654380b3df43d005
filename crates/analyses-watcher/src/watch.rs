//! The watcher's loop: scan on file-system events and every poll interval, import ready folders,
//! stop cleanly on SIGTERM/SIGINT.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use anyhow::{ensure, Context as _, Result};
use ella_config::{Config, DatabaseUrl};
use ella_deposit::analysis_config::AnalysisConfig;
use notify::{RecursiveMode, Watcher as _};

use crate::args::Args;
use crate::folder::{self, Outcome};
use crate::patterns::{NamePatterns, PatternSource, Verdict};

/// How often the loop looks at the stop flag while it waits.
const TICK: Duration = Duration::from_millis(200);

/// What the loop needs, loaded once.
struct Watcher {
    incoming: PathBuf,
    dest: PathBuf,
    config: Config,
    db_url: DatabaseUrl,
    whitelist: PatternSource,
    blacklist: PatternSource,
    patterns: NamePatterns,
    /// Folders ignored by the lists or already present in `dest`; cleared when the lists change.
    ignored: HashSet<PathBuf>,
    /// Folders announced as not ready, to log that once.
    announced: HashSet<PathBuf>,
}

/// Runs until SIGTERM or SIGINT.
pub fn run(args: &Args) -> Result<()> {
    ensure!(
        std::fs::read_dir(&args.analyses).is_ok(),
        "Couldn't read from watch path {}, aborting...",
        args.analyses.display()
    );
    let probe = args.dest.join(".analyses-watcher-write-test");
    ensure!(
        std::fs::write(&probe, b"")
            .and_then(|()| std::fs::remove_file(&probe))
            .is_ok(),
        "Couldn't write to destination path {}, aborting...",
        args.dest.display()
    );
    let whitelist =
        PatternSource::choose(&args.whitelist, args.whitelistfile.as_deref(), "whitelist")?;
    let blacklist =
        PatternSource::choose(&args.blacklist, args.blacklistfile.as_deref(), "blacklist")?;
    let mut watcher = Watcher {
        incoming: args.analyses.clone(),
        dest: args.dest.clone(),
        config: Config::from_env()?,
        db_url: DatabaseUrl::from_env()?,
        patterns: NamePatterns::load(&whitelist, &blacklist)?,
        whitelist,
        blacklist,
        ignored: HashSet::new(),
        announced: HashSet::new(),
    };

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let (events, changes) = mpsc::channel();
    let mut fs_watcher = notify::recommended_watcher(events)?;
    fs_watcher.watch(&args.analyses, RecursiveMode::Recursive)?;
    tracing::info!(
        "Polling for new analyses every: {} seconds",
        args.poll_interval().as_secs()
    );

    while !stop.load(Ordering::Relaxed) {
        if let Err(error) = watcher.scan(&stop) {
            tracing::error!("scan of {} failed: {error:#}", args.analyses.display());
        }
        let next_scan = Instant::now() + args.poll_interval();
        // Wait for a file-system event or the next poll, whichever comes first.
        while !stop.load(Ordering::Relaxed) && Instant::now() < next_scan {
            if changes.recv_timeout(TICK).is_ok() {
                while changes.try_recv().is_ok() {}
                break;
            }
        }
    }
    tracing::info!("stopping");
    Ok(())
}

impl Watcher {
    fn scan(&mut self, stop: &AtomicBool) -> Result<()> {
        let patterns = NamePatterns::load(&self.whitelist, &self.blacklist)?;
        if patterns.differs_from(&self.patterns) {
            self.patterns = patterns;
            self.ignored.clear();
        }
        let mut conn = ella_db::connect(&self.db_url)?;
        folder::finish_interrupted(&mut conn, &self.incoming, &self.dest)?;
        let mut folders: Vec<PathBuf> = std::fs::read_dir(&self.incoming)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.is_dir())
            .collect();
        folders.sort();
        for path in folders {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            if self.ignored.contains(&path) || folder::error_file(&path).exists() {
                continue;
            }
            if !folder::is_ready(&path) {
                if self.announced.insert(path.clone()) {
                    tracing::info!(
                        "Analysis {} not ready yet (missing READY file).",
                        path.display()
                    );
                }
                continue;
            }
            if let Err(error) = self.consider(&mut conn, &path) {
                record_failure(&path, &error);
            }
        }
        Ok(())
    }

    fn consider(&mut self, conn: &mut diesel::PgConnection, path: &Path) -> Result<()> {
        let analysis = AnalysisConfig::load(path)?;
        let ignore = match self.patterns.verdict(&analysis.name) {
            Verdict::Accept => None,
            Verdict::NotWhitelisted => Some(format!(
                "Analysis {} does not match any of the provided whitelists, ignoring...",
                analysis.name
            )),
            Verdict::Blacklisted(matched) => Some(format!(
                "Analysis {} matches blacklist ({matched:?}), ignoring...",
                analysis.name
            )),
        };
        let target = folder::destination(&self.dest, path);
        let ignore = ignore.or_else(|| {
            target.exists().then(|| {
                format!(
                    "{} already exists in {}. Skipping.",
                    path.display(),
                    self.dest.display()
                )
            })
        });
        if let Some(reason) = ignore {
            tracing::warn!("{reason}");
            self.ignored.insert(path.to_owned());
            return Ok(());
        }
        match folder::import(conn, path, &analysis, &self.dest, &self.config)
            .with_context(|| format!("importing {}", path.display()))?
        {
            Outcome::Imported(name) => tracing::info!("Analysis {name} successfully imported!"),
            Outcome::TakenByAnother => {
                tracing::info!("{} is handled by another watcher", path.display());
            }
        }
        Ok(())
    }
}

/// Logs the failure and writes it beside the folder, which keeps the folder from being tried
/// again until an operator removes the file.
fn record_failure(path: &Path, error: &anyhow::Error) {
    tracing::error!(
        "An exception occured while importing {}. Skipping... {error:#}",
        path.display()
    );
    let report = format!("{error:#}\n");
    if let Err(write_error) = std::fs::write(folder::error_file(path), report) {
        tracing::error!(
            "cannot write the error file of {}: {write_error}",
            path.display()
        );
    }
}
