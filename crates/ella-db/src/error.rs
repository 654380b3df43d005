//! The one error type of the data layer.

/// What went wrong in the database layer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database could not be reached.
    #[error("cannot connect to the database: {0}")]
    Connection(#[from] diesel::ConnectionError),
    /// The connection pool could not hand out a connection.
    #[error("no database connection available: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    /// A query failed.
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
    /// Applying or checking migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// Something the request names does not exist (the message says what).
    #[error("{0}")]
    NotFound(String),
    /// The data breaks a rule of ELLA's (the message says which).
    #[error("{0}")]
    Invalid(String),
}
