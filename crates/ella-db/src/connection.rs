//! Opening connections: one for short-lived tools, a pool for the long-running processes.

use diesel::r2d2::{ConnectionManager, Pool as R2d2Pool};
use diesel::{Connection, PgConnection};
use ella_config::DatabaseUrl;

/// A pool of PostgreSQL connections. Its connections are blocking: use them on blocking threads.
pub type Pool = R2d2Pool<ConnectionManager<PgConnection>>;

/// Opens one connection.
pub fn connect(url: &DatabaseUrl) -> crate::Result<PgConnection> {
    Ok(PgConnection::establish(url.expose())?)
}

/// Builds a pool of at most `size` connections.
pub fn pool(url: &DatabaseUrl, size: u32) -> crate::Result<Pool> {
    let manager = ConnectionManager::<PgConnection>::new(url.expose());
    Ok(R2d2Pool::builder().max_size(size).build(manager)?)
}
