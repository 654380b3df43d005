//! Gene assessments (api.md §1.7 `GeneAssessment`, §4.7).

use chrono::{DateTime, Utc};
use ella_db::geneassessment::GeneAssessmentRow;
use ella_db::user::UserRow;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::users::User;
use super::{serialize_datetime, serialize_optional_datetime};
use crate::lax::{LaxInt, LaxString};

/// A gene assessment with its author.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GeneAssessment {
    /// Assessment id.
    pub id: i32,
    /// Creation time.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// When a newer assessment replaced it; `null` while current.
    #[serde(serialize_with = "serialize_optional_datetime")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub date_superceeded: Option<DateTime<Utc>>,
    /// HGNC id of the gene.
    pub gene_id: i32,
    /// Panel name of the context.
    pub genepanel_name: String,
    /// Panel version of the context.
    pub genepanel_version: String,
    /// Analysis of the context.
    pub analysis_id: Option<i32>,
    /// The assessment it replaced.
    pub previous_assessment_id: Option<i32>,
    /// Author.
    pub user_id: i32,
    /// Author's group.
    pub usergroup_id: Option<i32>,
    /// The author.
    pub user: User,
    /// Seconds since `date_created`.
    pub seconds_since_update: f64,
    /// `{"comment": ...}`.
    pub evaluation: Value,
}

impl GeneAssessment {
    /// The wire form of `row`, written by `user` of the group `group_name`, seen at `now`.
    pub fn new(
        row: GeneAssessmentRow,
        user: &UserRow,
        group_name: &str,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: row.id,
            date_created: row.date_created,
            date_superceeded: row.date_superceeded,
            gene_id: row.gene_id,
            genepanel_name: row.genepanel_name,
            genepanel_version: row.genepanel_version,
            analysis_id: row.analysis_id,
            previous_assessment_id: row.previous_assessment_id,
            user_id: row.user_id,
            usergroup_id: row.usergroup_id,
            user: User::new(user, group_name),
            seconds_since_update: seconds_between(row.date_created, now),
            evaluation: row.evaluation.unwrap_or(Value::Null),
        }
    }
}

/// Seconds from `earlier` to `later`, with microseconds.
pub fn seconds_between(earlier: DateTime<Utc>, later: DateTime<Utc>) -> f64 {
    let micros = (later - earlier).num_microseconds().unwrap_or(i64::MAX);
    #[expect(
        clippy::cast_precision_loss,
        reason = "microseconds of a human time span"
    )]
    let micros = micros as f64;
    micros / 1e6
}

/// Body of `POST /geneassessments/`; other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneAssessmentRequest {
    /// HGNC id of the gene.
    pub gene_id: LaxInt,
    /// Panel name of the context.
    pub genepanel_name: LaxString,
    /// Panel version of the context.
    pub genepanel_version: LaxString,
    /// Analysis of the context; must exist.
    #[serde(default)]
    pub analysis_id: Option<LaxInt>,
    /// The comment.
    pub evaluation: GeneEvaluation,
    /// The current assessment the user saw; must be the current one if there is one.
    #[serde(default)]
    pub presented_geneassessment_id: Option<LaxInt>,
}

/// The evaluation of a gene assessment; other keys are refused.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneEvaluation {
    /// The comment.
    pub comment: LaxString,
}
