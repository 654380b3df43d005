//! Schema versions: ELLA's Alembic marker and our own diesel migrations on top of it.
//!
//! A database is current when `alembic_version` holds ELLA v1.17's head revision and every
//! migration in `migrations/` has run. The first migration creates ELLA's schema; when it finds
//! a database that ELLA made (head revision present, no diesel bookkeeping yet), it is recorded as
//! applied instead of run, and only our later migrations are applied to it.

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::{Error, Result};

/// ELLA v1.17's Alembic head revision, which `alembic_version` must hold.
pub const ELLA_HEAD_REVISION: &str = "4c2844fef850";

/// Version of the migration that creates ELLA's schema (diesel's version of its folder name).
const BASELINE_VERSION: &str = "20230214000000";

const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

#[derive(QueryableByName)]
struct Flag {
    #[diesel(sql_type = Bool)]
    value: bool,
}

#[derive(QueryableByName)]
struct Revision {
    #[diesel(sql_type = Text)]
    version_num: String,
}

fn query_flag(conn: &mut PgConnection, sql: &str) -> Result<bool> {
    Ok(diesel::sql_query(sql).get_result::<Flag>(conn)?.value)
}

/// Whether the `public` schema has no tables (the precondition of `make-production`).
pub fn public_schema_is_empty(conn: &mut PgConnection) -> Result<bool> {
    query_flag(
        conn,
        "SELECT NOT EXISTS (SELECT 1 FROM information_schema.tables \
         WHERE table_schema = 'public') AS value",
    )
}

/// Removes everything in `public` and recreates the empty schema (`database drop`).
pub fn drop_public_schema(conn: &mut PgConnection) -> Result<()> {
    conn.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")?;
    Ok(())
}

/// The Alembic revision recorded in the database, if any.
pub fn alembic_revision(conn: &mut PgConnection) -> Result<Option<String>> {
    let has_table = query_flag(
        conn,
        "SELECT to_regclass('public.alembic_version') IS NOT NULL AS value",
    )?;
    if !has_table {
        return Ok(None);
    }
    let revisions: Vec<Revision> =
        diesel::sql_query("SELECT version_num FROM alembic_version").load(conn)?;
    Ok(revisions.into_iter().next().map(|row| row.version_num))
}

/// Names of the migrations that have not run yet (empty for a current database). Read-only: a
/// database made by ELLA counts as having the baseline even before it is recorded.
pub fn pending_migrations(conn: &mut PgConnection) -> Result<Vec<String>> {
    let mut applied: Vec<String> = if query_flag(
        conn,
        "SELECT to_regclass('public.__diesel_schema_migrations') IS NOT NULL AS value",
    )? {
        diesel::sql_query("SELECT version AS version_num FROM __diesel_schema_migrations")
            .load::<Revision>(conn)?
            .into_iter()
            .map(|row| row.version_num)
            .collect()
    } else {
        Vec::new()
    };
    if alembic_revision(conn)?.as_deref() == Some(ELLA_HEAD_REVISION) {
        applied.push(BASELINE_VERSION.to_owned());
    }
    let known = MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS)
        .map_err(|error| Error::Migration(error.to_string()))?;
    Ok(known
        .iter()
        .filter(|migration| !applied.contains(&migration.name().version().to_string()))
        .map(|migration| migration.name().to_string())
        .collect())
}

/// Applies every pending migration and returns their names. Refuses a database that ELLA left at
/// an older revision: that one must be upgraded with ELLA v1.17's own tooling first.
pub fn run_pending_migrations(conn: &mut PgConnection) -> Result<Vec<String>> {
    adopt_ella_database(conn)?;
    let applied = conn
        .run_pending_migrations(MIGRATIONS)
        .map_err(|error| Error::Migration(error.to_string()))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Records the baseline as applied when ELLA made this database, so that it is not run again.
fn adopt_ella_database(conn: &mut PgConnection) -> Result<()> {
    let Some(revision) = alembic_revision(conn)? else {
        return Ok(());
    };
    if revision != ELLA_HEAD_REVISION {
        return Err(Error::Migration(format!(
            "the database is at ELLA revision {revision}; upgrade it to {ELLA_HEAD_REVISION} \
             (ELLA v1.17) with ELLA's own `ella-cli database upgrade head` first"
        )));
    }
    let applied = conn
        .applied_migrations()
        .map_err(|error| Error::Migration(error.to_string()))?;
    if !applied
        .iter()
        .any(|version| version.to_string() == BASELINE_VERSION)
    {
        diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ($1)")
            .bind::<Text, _>(BASELINE_VERSION)
            .execute(conn)?;
        tracing::info!("existing ELLA database taken over; baseline migration recorded as applied");
    }
    Ok(())
}
