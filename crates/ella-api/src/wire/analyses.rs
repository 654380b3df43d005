//! Analyses with their samples and interpretation rounds (api.md §1.7 `Analysis`, `Sample`,
//! `AnalysisInterpretationOverview`).

use chrono::{DateTime, Utc};
use ella_db::analysis_view::{AnalysisView, InterpretationOverview, SampleColumns};
use ella_db::enums::{
    AnalysisinterpretationWorkflowStatus, InterpretationStatus, SampleSex, SampleType,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::users::{GenepanelRef, User};
use super::{serialize_datetime, serialize_optional_datetime};

/// An analysis (api.md §1.7, `Analysis`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Analysis {
    /// Analysis id.
    pub id: i32,
    /// Unique name.
    pub name: String,
    /// When the analysis was requested.
    #[serde(serialize_with = "serialize_optional_datetime")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub date_requested: Option<DateTime<Utc>>,
    /// Import time.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_deposited: DateTime<Utc>,
    /// The interpretation rounds, by id.
    pub interpretations: Vec<AnalysisInterpretationOverview>,
    /// The analysis' gene panel.
    pub genepanel: Option<GenepanelRef>,
    /// The samples, by id.
    pub samples: Vec<Sample>,
    /// Pipeline report.
    pub report: Option<String>,
    /// Pipeline warnings.
    pub warnings: Option<String>,
    /// File names of attachments: always empty, as in ELLA 1.17.
    pub attachments: Vec<String>,
}

impl From<AnalysisView> for Analysis {
    fn from(view: AnalysisView) -> Self {
        let AnalysisView {
            analysis,
            genepanel,
            samples,
            interpretations,
        } = view;
        Self {
            id: analysis.id,
            name: analysis.name,
            date_requested: analysis.date_requested,
            date_deposited: analysis.date_deposited,
            interpretations: interpretations.into_iter().map(Into::into).collect(),
            genepanel: genepanel.as_ref().map(GenepanelRef::from),
            samples: samples.into_iter().map(Into::into).collect(),
            report: analysis.report,
            warnings: analysis.warnings,
            attachments: Vec::new(),
        }
    }
}

/// A sample (api.md §1.7, `Sample`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Sample {
    /// Sample id.
    pub id: i32,
    /// Sample name.
    pub identifier: String,
    /// `HTS` or `Sanger`.
    #[expect(clippy::struct_field_names, reason = "ELLA's key")]
    pub sample_type: &'static str,
    /// Import time.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_deposited: DateTime<Utc>,
    /// Whether the sample's person is affected.
    pub affected: bool,
    /// Whether this is the proband's sample.
    pub proband: bool,
    /// Family id.
    pub family_id: Option<String>,
    /// The father's sample (on probands).
    pub father_id: Option<i32>,
    /// The mother's sample (on probands).
    pub mother_id: Option<i32>,
    /// The proband's sample (on siblings).
    pub sibling_id: Option<i32>,
    /// `Male`, `Female` or unknown.
    pub sex: Option<&'static str>,
}

impl From<SampleColumns> for Sample {
    fn from(sample: SampleColumns) -> Self {
        Self {
            id: sample.id,
            identifier: sample.identifier,
            sample_type: match sample.sample_type {
                SampleType::Hts => "HTS",
                SampleType::Sanger => "Sanger",
            },
            date_deposited: sample.date_deposited,
            affected: sample.affected,
            proband: sample.proband,
            family_id: sample.family_id,
            father_id: sample.father_id,
            mother_id: sample.mother_id,
            sibling_id: sample.sibling_id,
            sex: sample.sex.map(|sex| match sex {
                SampleSex::Male => "Male",
                SampleSex::Female => "Female",
            }),
        }
    }
}

/// An interpretation round of an analysis, overview fields only.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnalysisInterpretationOverview {
    /// Interpretation id.
    pub id: i32,
    /// `Not started`, `Ongoing` or `Done`.
    pub status: &'static str,
    /// The analysis.
    pub analysis_id: i32,
    /// Whether the round was finalized.
    pub finalized: Option<bool>,
    /// `Not ready`, `Interpretation`, `Review` or `Medical review`.
    pub workflow_status: &'static str,
    /// Last change.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_last_update: DateTime<Utc>,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// The user working on the round.
    pub user_id: Option<i32>,
    /// That user.
    pub user: Option<User>,
}

impl From<InterpretationOverview> for AnalysisInterpretationOverview {
    fn from(overview: InterpretationOverview) -> Self {
        let round = overview.interpretation;
        Self {
            id: round.id,
            status: status_text(round.status),
            analysis_id: round.analysis_id,
            finalized: round.finalized,
            workflow_status: workflow_status_text(round.workflow_status),
            date_last_update: round.date_last_update,
            genepanel_name: round.genepanel_name,
            genepanel_version: round.genepanel_version,
            user_id: round.user_id,
            user: overview
                .user
                .map(|member| User::new(&member.user, &member.group_name)),
        }
    }
}

/// The wire text of an interpretation status.
pub(super) fn status_text(status: InterpretationStatus) -> &'static str {
    match status {
        InterpretationStatus::NotStarted => "Not started",
        InterpretationStatus::Ongoing => "Ongoing",
        InterpretationStatus::Done => "Done",
    }
}

/// The wire text of an analysis workflow step.
fn workflow_status_text(status: AnalysisinterpretationWorkflowStatus) -> &'static str {
    match status {
        AnalysisinterpretationWorkflowStatus::NotReady => "Not ready",
        AnalysisinterpretationWorkflowStatus::Interpretation => "Interpretation",
        AnalysisinterpretationWorkflowStatus::Review => "Review",
        AnalysisinterpretationWorkflowStatus::MedicalReview => "Medical review",
    }
}
