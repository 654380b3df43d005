//! The request log `resourcelog` (api.md §2.9): one row per API request.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::Result;

/// One row of the request log `resourcelog` (api.md §2.9).
#[derive(Debug, Clone)]
pub struct NewResourceLog<'a> {
    /// Client IP address (text form of an `inet`).
    pub remote_addr: &'a str,
    /// When the request was answered.
    pub time: DateTime<Utc>,
    /// Milliseconds from request start to response.
    pub duration_ms: i32,
    /// The resolved session, if any.
    pub usersession_id: Option<i32>,
    /// HTTP method.
    pub method: &'a str,
    /// Request path without the query string.
    pub resource: &'a str,
    /// Raw query string (may be empty).
    pub query: &'a str,
    /// The response body, for the one endpoint that opts in (api.md §2.9).
    pub response: Option<&'a str>,
    /// Size of the response body in bytes.
    pub response_size: i32,
    /// Request body of a writing request, unless the endpoint hides it.
    pub payload: Option<&'a str>,
    /// Size of `payload` as the request declared it, 0 when hidden or absent.
    pub payload_size: i32,
    /// Response status.
    pub statuscode: i32,
}

/// Writes one request-log row.
pub fn insert_resource_log(conn: &mut PgConnection, entry: &NewResourceLog<'_>) -> Result<()> {
    use diesel::sql_types::{Integer, Nullable, Text, Timestamptz};
    // `remote_addr` is an `inet`, which diesel maps only with extra features; PostgreSQL casts it.
    diesel::sql_query(
        "INSERT INTO resourcelog (remote_addr, time, duration, usersession_id, method, resource, \
         query, response_size, payload, payload_size, statuscode, response) \
         VALUES (CAST($1 AS inet), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind::<Text, _>(entry.remote_addr)
    .bind::<Timestamptz, _>(entry.time)
    .bind::<Integer, _>(entry.duration_ms)
    .bind::<Nullable<Integer>, _>(entry.usersession_id)
    .bind::<Text, _>(entry.method)
    .bind::<Text, _>(entry.resource)
    .bind::<Text, _>(entry.query)
    .bind::<Integer, _>(entry.response_size)
    .bind::<Nullable<Text>, _>(entry.payload)
    .bind::<Integer, _>(entry.payload_size)
    .bind::<Integer, _>(entry.statuscode)
    .bind::<Nullable<Text>, _>(entry.response)
    .execute(conn)?;
    Ok(())
}
