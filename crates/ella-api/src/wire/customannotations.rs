//! Custom annotations (api.md §1.7 `CustomAnnotation`, §4.10).

use chrono::{DateTime, Utc};
use ella_db::customannotation::CustomAnnotationRow;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::{serialize_datetime, serialize_optional_datetime};
use crate::lax::LaxInt;

/// A custom annotation of an allele.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomAnnotation {
    /// Annotation id.
    pub id: i32,
    /// The allele.
    pub allele_id: Option<i32>,
    /// Author.
    pub user_id: Option<i32>,
    /// The document: `external`, `prediction`, `references`.
    pub annotations: Value,
    /// When a newer annotation replaced it; `null` while current.
    #[serde(serialize_with = "serialize_optional_datetime")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub date_superceeded: Option<DateTime<Utc>>,
    /// Creation time.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
}

impl From<CustomAnnotationRow> for CustomAnnotation {
    fn from(row: CustomAnnotationRow) -> Self {
        Self {
            id: row.id,
            allele_id: row.allele_id,
            user_id: row.user_id,
            annotations: row.annotations.unwrap_or(Value::Null),
            date_superceeded: row.date_superceeded,
            date_created: row.date_created,
        }
    }
}

/// Body of `POST /customannotations/`; other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomAnnotationRequest {
    /// The allele.
    pub allele_id: LaxInt,
    /// The keys to set; a key's value replaces the current one entirely, `null` removes it.
    #[schema(value_type = Object)]
    pub annotations: Map<String, Value>,
    /// Ignored: the caller is the author.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "accepted as in ELLA, then ignored: the caller is the author"
    )]
    pub user_id: Option<LaxInt>,
}
