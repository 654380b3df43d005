//! ELLA's configuration: the `ELLA_CONFIG` YAML file and the environment variables around it.
//!
//! Every process loads this once in `main` and passes the typed value down; nothing reads the
//! environment or the file later. The file is validated like ELLA v1.17 validates it against
//! `config.schema.json`: unknown keys anywhere are rejected, and the error names the file and the
//! offending key.
//!
//! Environment variables read here:
//! - `ELLA_CONFIG`: path of the YAML application config (required).
//! - `ELLA_ROOT`: installation root that `!file` paths are relative to (default: the current
//!   directory; `/ella` in the container).
//! - `DB_URL`: PostgreSQL connection URL (required by every process that uses the database).
//! - `IGV_DATA`: IGV reference files, `tracks/` and the track configuration (API only).
//! - `ANALYSES_PATH`: the imported analyses, whose `tracks/` folders the API serves.
//! - any variable named by an `!env` tag in the file (e.g. `ATTACHMENT_STORAGE`, `OFFLINE_MODE`).

mod database_url;
mod error;
mod model;
mod yaml_tags;

pub use database_url::DatabaseUrl;
pub use error::Error;
pub use model::*;

use std::path::{Path, PathBuf};

/// Name of the environment variable that holds the config file path.
pub const ELLA_CONFIG_VAR: &str = "ELLA_CONFIG";
/// Name of the environment variable that holds the installation root for `!file` paths.
pub const ELLA_ROOT_VAR: &str = "ELLA_ROOT";
/// Name of the environment variable that holds the IGV data folder.
pub const IGV_DATA_VAR: &str = "IGV_DATA";
/// Name of the environment variable that holds the folder of imported analyses.
pub const ANALYSES_PATH_VAR: &str = "ANALYSES_PATH";

/// The validated application configuration plus the resolved document it came from.
#[derive(Debug, Clone)]
pub struct Config {
    /// Typed view of the file, for the code that needs its values.
    pub settings: Settings,
    /// The resolved document (tags replaced by their values), in file order. `GET /config/`
    /// serves this, so keys the code does not look at are still passed on unchanged.
    pub document: serde_json::Value,
    /// Where the file was read from.
    pub path: PathBuf,
    /// The data folders named by the environment, outside the file.
    pub folders: DataFolders,
}

/// Data folders the API reads, named by environment variables (api.md §7); `None` when unset.
/// Whether they exist is checked where they are used, as ELLA does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataFolders {
    /// `IGV_DATA`.
    pub igv_data: Option<PathBuf>,
    /// `ANALYSES_PATH`.
    pub analyses_path: Option<PathBuf>,
}

impl Config {
    /// Loads the file named by `ELLA_CONFIG`, resolving `!file` tags against `ELLA_ROOT` (or the
    /// current directory).
    pub fn from_env() -> Result<Self, Error> {
        let path = std::env::var_os(ELLA_CONFIG_VAR).ok_or(Error::MissingConfigVariable)?;
        let root = match std::env::var_os(ELLA_ROOT_VAR) {
            Some(root) => PathBuf::from(root),
            None => std::env::current_dir().map_err(|source| Error::Read {
                path: PathBuf::from("."),
                source,
            })?,
        };
        Self::load(Path::new(&path), &root, &|name| std::env::var(name).ok())
    }

    /// Loads and validates `path`. `root` resolves relative `!file` paths; `env` looks up the
    /// variables of `!env` tags (the process environment in production, a map in tests).
    pub fn load(
        path: &Path,
        root: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        let document =
            yaml_tags::resolve_document(&text, root, env).map_err(|detail| Error::Invalid {
                path: path.to_owned(),
                detail,
            })?;
        let settings: Settings =
            serde_path_to_error::deserialize(&document).map_err(|error| Error::Invalid {
                path: path.to_owned(),
                detail: describe_schema_error(&error),
            })?;
        settings.check().map_err(|detail| Error::Invalid {
            path: path.to_owned(),
            detail,
        })?;
        let folder = |name: &str| {
            env(name)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        };
        Ok(Self {
            settings,
            document,
            path: path.to_owned(),
            folders: DataFolders {
                igv_data: folder(IGV_DATA_VAR),
                analyses_path: folder(ANALYSES_PATH_VAR),
            },
        })
    }
}

fn describe_schema_error(error: &serde_path_to_error::Error<serde_json::Error>) -> String {
    let location = error.path().to_string();
    if location == "." {
        error.inner().to_string()
    } else {
        format!("at key `{location}`: {}", error.inner())
    }
}
