//! Attachments (datamodel.md §3.4, api.md §4.12): files users upload for allele assessments. The
//! rows name the content by its SHA-256; the files live in the attachment storage folder.

use chrono::{DateTime, Utc};
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::Bool;

use crate::schema::attachment;
use crate::Result;

/// Every column of an attachment.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = attachment, check_for_backend(Pg))]
pub struct AttachmentRow {
    /// Attachment id.
    pub id: i32,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: Option<String>,
    /// The file name the client sent.
    pub filename: String,
    /// Size in bytes.
    pub size: Option<i64>,
    /// Upload time.
    pub date_created: DateTime<Utc>,
    /// Content type the client sent.
    pub mimetype: Option<String>,
    /// Text after the file name's last `.`, or empty.
    pub extension: Option<String>,
    /// Uploader.
    pub user_id: i32,
}

/// An attachment to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = attachment)]
pub struct NewAttachment<'a> {
    /// SHA-256 of the content, lowercase hex.
    pub sha256: &'a str,
    /// The file name the client sent.
    pub filename: &'a str,
    /// Size in bytes.
    pub size: i64,
    /// Upload time.
    pub date_created: DateTime<Utc>,
    /// Content type the client sent.
    pub mimetype: Option<&'a str>,
    /// Text after the file name's last `.`, or empty.
    pub extension: &'a str,
    /// Uploader.
    pub user_id: i32,
}

/// A condition on the attachment table, such as one term of the API's `q` filter.
pub type AttachmentCondition = Box<dyn BoxableExpression<attachment::table, Pg, SqlType = Bool>>;

/// Inserts an attachment and returns its id.
pub fn insert(conn: &mut PgConnection, new: &NewAttachment<'_>) -> Result<i32> {
    Ok(diesel::insert_into(attachment::table)
        .values(new)
        .returning(attachment::id)
        .get_result(conn)?)
}

/// The attachment `id`.
pub fn find(conn: &mut PgConnection, id: i32) -> Result<Option<AttachmentRow>> {
    Ok(attachment::table
        .find(id)
        .select(AttachmentRow::as_select())
        .first(conn)
        .optional()?)
}

/// The attachments that satisfy every condition, by id.
pub fn matching(
    conn: &mut PgConnection,
    conditions: Vec<AttachmentCondition>,
) -> Result<Vec<AttachmentRow>> {
    Ok(conditions
        .into_iter()
        .fold(attachment::table.into_boxed(), QueryDsl::filter)
        .select(AttachmentRow::as_select())
        .order(attachment::id)
        .load(conn)?)
}
