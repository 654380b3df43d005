//! The audit trail of `ella-cli` commands (`clilog`).

use chrono::Utc;
use diesel::prelude::*;

use crate::schema::clilog;
use crate::Result;

/// One audited command, as ELLA records it.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = clilog)]
pub struct NewCliLog<'a> {
    /// Operating-system user who ran the command.
    pub user: &'a str,
    /// Command group, e.g. `users`.
    pub group: &'a str,
    /// Sub-command, e.g. `reset_password`.
    pub groupcommand: &'a str,
    /// All arguments after the program name, space-joined.
    pub command: &'a str,
    /// Reason given at the prompt, if any.
    pub reason: Option<&'a str>,
    /// The command's audited messages, newline-joined (plus the error text on failure).
    pub output: &'a str,
}

/// Writes the audit row, stamped now.
pub fn record(conn: &mut PgConnection, entry: &NewCliLog<'_>) -> Result<()> {
    diesel::insert_into(clilog::table)
        .values((entry, clilog::time.eq(Utc::now())))
        .execute(conn)?;
    Ok(())
}
