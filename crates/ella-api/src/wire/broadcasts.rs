//! Banner messages (api.md §4.2, `GET /broadcasts/`).

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::serialize_datetime;

/// One message.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Broadcast {
    /// The stored message's id, or a random text id for the password-expiry notice.
    pub id: BroadcastId,
    /// When the message was added (for the notice: seven days before the expiry).
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date: DateTime<Utc>,
    /// The text.
    pub message: String,
}

/// The id of a [`Broadcast`]: a number for stored messages, 32 hex characters for the notice.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BroadcastId {
    /// A `broadcast` row.
    Stored(i32),
    /// The synthetic password-expiry notice.
    Notice(String),
}

impl From<ella_db::broadcast::Broadcast> for Broadcast {
    fn from(row: ella_db::broadcast::Broadcast) -> Self {
        Self {
            id: BroadcastId::Stored(row.id),
            date: row.date_created,
            message: row.message,
        }
    }
}
