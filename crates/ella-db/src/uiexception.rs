//! The web UI's exception log `uiexception` (api.md §4.15).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use crate::schema::uiexception;
use crate::Result;

/// An exception the UI reports.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = uiexception)]
pub struct NewUiException<'a> {
    /// When it was reported.
    pub time: DateTime<Utc>,
    /// The reporter's session, if logged in.
    pub usersession_id: Option<i32>,
    /// Error message.
    pub message: &'a str,
    /// Where in the UI.
    pub location: Option<&'a str>,
    /// JavaScript stack trace.
    pub stacktrace: Option<&'a str>,
    /// The UI's client state.
    pub state: &'a Value,
}

/// Stores a reported exception.
pub fn insert(conn: &mut PgConnection, exception: &NewUiException<'_>) -> Result<()> {
    diesel::insert_into(uiexception::table)
        .values(exception)
        .execute(conn)?;
    Ok(())
}
