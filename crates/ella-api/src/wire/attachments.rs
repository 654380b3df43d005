//! Attachments (api.md §1.7 `Attachment`, §4.12).

use chrono::{DateTime, Utc};
use ella_db::attachment::AttachmentRow;
use ella_db::user::UserRow;
use serde::Serialize;
use utoipa::ToSchema;

use super::serialize_datetime;
use super::users::User;

/// An uploaded file's record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Attachment {
    /// Attachment id.
    pub id: i32,
    /// SHA-256 of the content.
    pub sha256: Option<String>,
    /// The file name the client sent.
    pub filename: String,
    /// Size in bytes.
    pub size: Option<i64>,
    /// Upload time.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// Content type the client sent.
    pub mimetype: Option<String>,
    /// Text after the file name's last `.`, or empty.
    pub extension: Option<String>,
    /// Base64 of the JPEG thumbnail stored beside the file, if there is one.
    pub thumbnail: Option<String>,
    /// The uploader.
    pub user: User,
}

impl Attachment {
    /// The wire form of `row`, uploaded by `user` of the group `group_name`, with `thumbnail`.
    pub fn new(
        row: AttachmentRow,
        user: &UserRow,
        group_name: &str,
        thumbnail: Option<String>,
    ) -> Self {
        Self {
            id: row.id,
            sha256: row.sha256,
            filename: row.filename,
            size: row.size,
            date_created: row.date_created,
            mimetype: row.mimetype,
            extension: row.extension,
            thumbnail,
            user: User::new(user, group_name),
        }
    }
}

/// Answer of an upload.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachmentId {
    /// Id of the new attachment.
    pub id: i32,
}
