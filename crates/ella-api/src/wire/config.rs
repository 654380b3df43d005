//! `GET /config/` (api.md §4.2) and the typed merged user config (api.md §2.8).
//!
//! The merged user config is parsed strictly, as ELLA's pydantic model `UserConfig` does:
//! unknown keys anywhere are errors, optional keys come out as `null`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::lax::{LaxBool, LaxInt, LaxString};

/// The whole configuration document; `user.user_config` is the caller's merged config when
/// logged in, the file's default otherwise.
#[derive(Debug, Serialize)]
pub struct ConfigResponse<'a> {
    /// Every top-level key but `user`, with ELLA's injected keys.
    #[serde(flatten)]
    pub document: &'a Map<String, Value>,
    /// The `user` section.
    pub user: UserSection<'a>,
}

/// The `user` section of [`ConfigResponse`].
#[derive(Debug, Serialize)]
pub struct UserSection<'a> {
    /// `auth` and any other key of the file's `user` section but `user_config`.
    #[serde(flatten)]
    pub settings: &'a Map<String, Value>,
    /// The user config.
    pub user_config: UserConfigView<'a>,
}

/// Which user config [`UserSection`] shows.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum UserConfigView<'a> {
    /// The file's default, verbatim (anonymous callers).
    Default(&'a Map<String, Value>),
    /// The caller's merged config.
    Merged(Box<UserConfig>),
}

/// The merged user config (api.md §2.8).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// Overview tabs.
    pub overview: OverviewConfig,
    /// Finalize requirements.
    pub workflows: WorkflowsConfig,
    /// Interpretation defaults.
    pub interpretation: InterpretationConfig,
    /// Rule-engine thresholds (any JSON object).
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub acmg: Option<Map<String, Value>>,
    /// Import post-processing rules (any JSON object).
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub deposit: Option<Map<String, Value>>,
    /// Comment templates.
    #[serde(default)]
    pub comment_templates: Option<Vec<CommentTemplate>>,
}

/// `overview`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OverviewConfig {
    /// Tabs shown in the overview.
    pub views: Vec<OverviewView>,
}

/// An overview tab.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OverviewView {
    /// Analyses work list.
    Analyses,
    /// Variants work list.
    Variants,
    /// Import tab.
    Import,
}

/// `workflows`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowsConfig {
    /// Variant workflow.
    #[serde(default)]
    pub allele: Option<AlleleWorkflowConfig>,
    /// Analysis workflow.
    #[serde(default)]
    pub analysis: Option<AnalysisWorkflowConfig>,
}

/// `workflows.allele`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlleleWorkflowConfig {
    /// When a variant workflow may be finalized.
    pub finalize_requirements: AlleleFinalizeRequirements,
}

/// `workflows.allele.finalize_requirements`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlleleFinalizeRequirements {
    /// Stages that allow finalizing.
    pub workflow_status: Vec<AlleleWorkflowStatus>,
}

/// A stage of the variant workflow.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
pub enum AlleleWorkflowStatus {
    /// `Interpretation`.
    Interpretation,
    /// `Review`.
    Review,
}

/// `workflows.analysis`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalysisWorkflowConfig {
    /// When an analysis may be finalized.
    pub finalize_requirements: AnalysisFinalizeRequirements,
}

/// `workflows.analysis.finalize_requirements`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalysisFinalizeRequirements {
    /// Stages that allow finalizing.
    #[serde(default)]
    pub workflow_status: Option<Vec<AnalysisWorkflowStatus>>,
    /// Whether unclassified variants may remain.
    #[serde(default)]
    pub allow_unclassified: Option<LaxBool>,
}

/// A stage of the analysis workflow.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
pub enum AnalysisWorkflowStatus {
    /// `Not ready`.
    #[serde(rename = "Not ready")]
    NotReady,
    /// `Interpretation`.
    Interpretation,
    /// `Review`.
    Review,
    /// `Medical review`.
    #[serde(rename = "Medical review")]
    MedicalReview,
}

/// `interpretation`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterpretationConfig {
    /// PubMed ids that reference evaluation ignores automatically.
    #[serde(rename = "autoIgnoreReferencePubmedIds")]
    pub auto_ignore_reference_pubmed_ids: Vec<LaxInt>,
}

/// One comment template.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentTemplate {
    /// Display name.
    pub name: LaxString,
    /// HTML of the template.
    pub template: LaxString,
    /// The comment fields it is offered in.
    pub comment_fields: Vec<LaxString>,
}
