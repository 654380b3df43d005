//! The one error type of the import crate.

use std::path::PathBuf;

/// Why an import was refused. Every variant names the input at fault, so an operator can fix it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file's content is malformed; `line` is 1-based when known.
    #[error("{}{}: {message}", path.display(), line.map(|line| format!(", line {line}")).unwrap_or_default())]
    Parse {
        /// The file.
        path: PathBuf,
        /// The line, when the problem is on one line.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The input is well-formed but breaks a rule (unknown group, duplicate name, ...).
    #[error("{0}")]
    Invalid(String),
    /// The database refused the import.
    #[error(transparent)]
    Database(#[from] ella_db::Error),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Self {
        Self::Database(error.into())
    }
}

/// Result of the import functions.
pub type Result<T, E = Error> = std::result::Result<T, E>;
