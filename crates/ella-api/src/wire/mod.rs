//! The JSON shapes of the API (api.md §1.7 and the endpoint sections), separate from the
//! database rows they are made from.
//!
//! Responses derive `Serialize` and requests `Deserialize`; every type also derives `ToSchema`
//! for the OpenAPI document. Key names, `null` versus absent and date formats are ELLA's.

pub mod alleles;
pub mod analyses;
pub mod attachments;
pub mod broadcasts;
pub mod config;
pub mod customannotations;
pub mod geneassessments;
pub mod genepanels;
pub mod overviews;
pub mod references;
pub mod search;
pub mod ui;
pub mod users;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use utoipa::ToSchema;

/// Content type of ELLA's plain-text answers and of the empty login response (Flask's default
/// for string responses).
pub const TEXT_HTML: &str = "text/html; charset=utf-8";

/// ELLA's error body (api.md §1.4).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorMessage {
    /// What went wrong; the web UI shows it on the login and change-password pages.
    pub message: String,
}

/// One stored annotation config as the UI needs it (api.md §1.7, `AnnotationConfig`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnnotationConfig {
    /// Config id.
    pub id: i32,
    /// The view configuration: the annotation sections of the UI.
    pub view: serde_json::Value,
}

/// Writes a time as Python's `isoformat()` of a UTC datetime: microseconds only when non-zero,
/// offset `+00:00` (api.md §1.3).
pub fn iso_datetime(time: &DateTime<Utc>) -> String {
    if time.timestamp_subsec_micros() == 0 {
        time.format("%Y-%m-%dT%H:%M:%S+00:00").to_string()
    } else {
        time.format("%Y-%m-%dT%H:%M:%S%.6f+00:00").to_string()
    }
}

/// `serialize_with` form of [`iso_datetime`].
fn serialize_datetime<S: Serializer>(
    time: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&iso_datetime(time))
}

/// `serialize_with` form of [`iso_datetime`] for a time that may be missing (`null`).
#[expect(
    clippy::ref_option,
    reason = "serde's `serialize_with` passes a reference to the field"
)]
fn serialize_optional_datetime<S: Serializer>(
    time: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serialize_datetime(time, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn datetimes_look_like_python_isoformat() {
        let whole = Utc.with_ymd_and_hms(2027, 3, 30, 15, 3, 1).unwrap();
        assert_eq!(iso_datetime(&whole), "2027-03-30T15:03:01+00:00");
        let fraction = whole + chrono::TimeDelta::microseconds(396_863);
        assert_eq!(iso_datetime(&fraction), "2027-03-30T15:03:01.396863+00:00");
    }
}
