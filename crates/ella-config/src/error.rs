//! The one error type of the configuration crate.

use std::path::PathBuf;

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `ELLA_CONFIG` is not set (ELLA's own wording).
    #[error("Config file not provided in environment variable 'ELLA_CONFIG'")]
    MissingConfigVariable,
    /// `DB_URL` is not set.
    #[error("Database URL not provided in environment variable 'DB_URL'")]
    MissingDatabaseUrl,
    /// The config file could not be read.
    #[error("cannot read config file {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The config file is not valid YAML or does not match the schema.
    #[error("invalid config file {}: {detail}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong and where (key path or line).
        detail: String,
    },
}
