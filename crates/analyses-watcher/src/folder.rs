//! Importing one analysis folder, exactly once, even with several watchers on one database.
//!
//! The protocol, all under a PostgreSQL advisory lock on the folder name:
//! 1. in one transaction: check the folder is still there, deposit the analysis, then rename the
//!    folder to `<dest>/.importing/<folder>` (a rename within one file system is atomic);
//! 2. commit;
//! 3. rename `<dest>/.importing/<folder>` to `<dest>/<folder>`.
//!
//! If the process dies before the commit, the database has nothing and the folder is back in (or
//! still in) the incoming folder. If it dies between commit and step 3, [`finish_interrupted`]
//! completes the move on the next scan; if the commit failed, the folder goes back to incoming.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer, Text};
use ella_config::Config;
use ella_deposit::analysis::deposit_analysis;
use ella_deposit::analysis_config::AnalysisConfig;

/// Suffix of the file that records why a folder failed; while it exists the folder is skipped.
pub const ERROR_FILE_SUFFIX: &str = ".import-error.txt";

/// Marker that a folder is complete.
const READY_MARKER: &str = "READY";

/// What happened to a folder.
#[derive(Debug)]
pub enum Outcome {
    /// Imported and moved.
    Imported(String),
    /// Another watcher holds it, or has imported it meanwhile.
    TakenByAnother,
}

/// Where the folder `folder` of the incoming folder ends up.
pub fn destination(dest: &Path, folder: &Path) -> PathBuf {
    dest.join(folder.file_name().unwrap_or_default())
}

/// Folder of `dest` that holds folders between deposit and commit.
fn staging_area(dest: &Path) -> PathBuf {
    dest.join(".importing")
}

/// The file beside `folder` that holds its import error.
pub fn error_file(folder: &Path) -> PathBuf {
    let mut name = folder.file_name().unwrap_or_default().to_os_string();
    name.push(ERROR_FILE_SUFFIX);
    folder.with_file_name(name)
}

/// Whether the folder is complete.
pub fn is_ready(folder: &Path) -> bool {
    folder.join(READY_MARKER).is_file()
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Claims `folder_name` until the end of the current transaction; `false` if another holds it.
fn try_lock(conn: &mut PgConnection, folder_name: &str) -> Result<bool> {
    let row: Locked =
        diesel::sql_query("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked")
            .bind::<Integer, _>(ella_db::ADVISORY_LOCK_NAMESPACE)
            .bind::<Text, _>(folder_name)
            .get_result(conn)?;
    Ok(row.locked)
}

/// Imports `folder` (whose configuration is `analysis`) and moves it into `dest`.
pub fn import(
    conn: &mut PgConnection,
    folder: &Path,
    analysis: &AnalysisConfig,
    dest: &Path,
    config: &Config,
) -> Result<Outcome> {
    let folder_name = folder
        .file_name()
        .and_then(|name| name.to_str())
        .context("folder names must be UTF-8")?;
    let staged = staging_area(dest).join(folder_name);
    std::fs::create_dir_all(staging_area(dest))?;
    let deposited = conn.transaction(|conn| -> Result<Option<String>> {
        if !try_lock(conn, folder_name)? || !folder.exists() {
            return Ok(None);
        }
        let deposited = deposit_analysis(conn, analysis, config)?;
        std::fs::rename(folder, &staged)
            .with_context(|| format!("cannot move {} to {}", folder.display(), staged.display()))?;
        Ok(Some(deposited.name))
    });
    match deposited {
        Ok(Some(name)) => {
            finish_move(&staged, &destination(dest, folder))?;
            Ok(Outcome::Imported(name))
        }
        Ok(None) => Ok(Outcome::TakenByAnother),
        Err(error) => {
            // The transaction is rolled back; if the folder was already staged, put it back.
            if staged.exists() && !folder.exists() {
                std::fs::rename(&staged, folder).ok();
            }
            Err(error)
        }
    }
}

fn finish_move(staged: &Path, target: &Path) -> Result<()> {
    match std::fs::rename(staged, target) {
        // Another watcher may have finished an interrupted move meanwhile.
        Err(_) if !staged.exists() && target.exists() => Ok(()),
        result => result.with_context(|| format!("cannot move to {}", target.display())),
    }
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

/// Completes moves that a watcher could not finish (it died between commit and rename): a
/// staged folder whose analysis is in the database goes to its place in `dest`, one whose import
/// was not committed goes back to `incoming`.
pub fn finish_interrupted(conn: &mut PgConnection, incoming: &Path, dest: &Path) -> Result<()> {
    let area = staging_area(dest);
    if !area.is_dir() {
        return Ok(());
    }
    for entry in std::fs::read_dir(&area)? {
        let staged = entry?.path();
        let Some(folder_name) = staged
            .file_name()
            .and_then(|name| name.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        conn.transaction(|conn| -> Result<()> {
            if !try_lock(conn, &folder_name)? {
                return Ok(());
            }
            let name = AnalysisConfig::load(&staged)?.name;
            let imported: Exists = diesel::sql_query(
                "SELECT EXISTS (SELECT 1 FROM analysis WHERE name = $1) AS exists",
            )
            .bind::<Text, _>(&name)
            .get_result(conn)?;
            if imported.exists {
                tracing::info!("finishing the interrupted move of {folder_name}");
                finish_move(&staged, &dest.join(&folder_name))
            } else {
                tracing::warn!(
                    "{folder_name} was not imported; moving it back to {}",
                    incoming.display()
                );
                finish_move(&staged, &incoming.join(&folder_name))
            }
        })?;
    }
    Ok(())
}
