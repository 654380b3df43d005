//! Typed form of the application config, mirroring ELLA v1.17's `config.schema.json`.
//!
//! Every struct rejects unknown keys, as the schema's `additionalProperties: false` does. Keys the
//! schema requires but allows to be `null` use [`nullable`], so that leaving them out is an error.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer};

/// Deserializes a key that must be present but may be `null`.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(deserializer)
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `app`: deployment-level switches.
    pub app: AppSettings,
    /// `user`: password policy and the default user config.
    pub user: UserSettings,
    /// `analysis`: priorities and side-bar layouts (used by the UI).
    pub analysis: AnalysisSettings,
    /// `frequencies`: the frequency populations of the shadow tables and filters.
    pub frequencies: FrequencySettings,
    /// `classification`: the classification options.
    pub classification: ClassificationSettings,
    /// `report`: report texts.
    pub report: ReportSettings,
    /// `transcripts`: which annotation transcripts are used.
    pub transcripts: TranscriptSettings,
    /// `igv`: IGV reference files.
    pub igv: IgvSettings,
    /// `import`: annotation-job import options.
    pub import: ImportSettings,
    /// `similar_alleles`: the "Region" section's nearby variants.
    pub similar_alleles: SimilarAllelesSettings,
}

impl Settings {
    /// Checks the rules serde cannot express: keys a map must have, and frequency columns that
    /// would collide in the shadow table.
    pub(crate) fn check(&self) -> Result<(), String> {
        require_keys(
            "analysis.sidebar",
            &self.analysis.sidebar,
            &["full", "quick", "visual", "report", "list"],
        )?;
        for (mode, sidebar) in &self.analysis.sidebar {
            let at = format!("analysis.sidebar.{mode}");
            require_keys(
                &format!("{at}.classification_options"),
                &sidebar.classification_options,
                &SIDEBAR_CATEGORIES,
            )?;
            if let Some(comment_type) = &sidebar.comment_type {
                require_keys(
                    &format!("{at}.comment_type"),
                    comment_type,
                    &SIDEBAR_CATEGORIES,
                )?;
            }
        }
        require_keys(
            "report.classification_text",
            &self.report.classification_text,
            &["1", "2", "3", "4", "5"],
        )?;
        self.frequencies.groups.check_unique_columns()
    }
}

const SIDEBAR_CATEGORIES: [&str; 4] = ["unclassified", "classified", "not_relevant", "technical"];

fn require_keys<V>(at: &str, map: &BTreeMap<String, V>, keys: &[&str]) -> Result<(), String> {
    match keys.iter().find(|key| !map.contains_key(**key)) {
        Some(missing) => Err(format!("at key `{at}`: missing key `{missing}`")),
        None => Ok(()),
    }
}

/// `app`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppSettings {
    /// The UI copies external links instead of opening them (`OFFLINE_MODE`).
    pub links_to_clipboard: bool,
    /// Banner text for non-production installations.
    #[serde(deserialize_with = "nullable")]
    pub non_production_warning: Option<String>,
    /// Base URL of the annotation service.
    pub annotation_service: String,
    /// Folder for attachments; `None` disables uploads.
    #[serde(deserialize_with = "nullable")]
    pub attachment_storage: Option<String>,
    /// Largest attachment in bytes.
    pub max_upload_size: i64,
    /// Feature switches such as `cnv`; unknown flags are allowed and default to off.
    #[serde(default)]
    pub feature_flags: BTreeMap<String, bool>,
}

impl AppSettings {
    /// Whether the feature flag `name` is on.
    pub fn feature(&self, name: &str) -> bool {
        self.feature_flags.get(name).copied().unwrap_or(false)
    }
}

/// `user`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSettings {
    /// Password policy.
    pub auth: AuthSettings,
    /// Default per-user config, shallow-merged with group and user config at runtime.
    pub user_config: UserConfigDefaults,
}

/// `user.auth`: the password policy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthSettings {
    /// Lifetime of a newly set password in days.
    pub password_expiry_days: u32,
    /// Minimum password length.
    pub password_minimum_length: u32,
    /// Character-class regexes (matched from the start of the password).
    pub password_match_groups: Vec<String>,
    /// UI descriptions of the match groups, same order.
    pub password_match_groups_descr: Vec<String>,
    /// How many match groups a password must satisfy.
    pub password_num_match_groups: u32,
}

/// `user.user_config`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfigDefaults {
    /// Overview tabs.
    pub overview: OverviewConfig,
    /// Finalize requirements of the workflows.
    pub workflows: WorkflowsConfig,
    /// Interpretation defaults.
    pub interpretation: InterpretationConfig,
}

/// `user.user_config.overview`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverviewConfig {
    /// Tabs shown in the overview.
    pub views: Vec<OverviewView>,
}

/// An overview tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OverviewView {
    /// Analyses work list.
    Analyses,
    /// Variants work list.
    Variants,
    /// Import tab.
    Import,
}

/// `user.user_config.workflows`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowsConfig {
    /// Variant workflow.
    pub allele: AlleleWorkflowConfig,
    /// Analysis workflow.
    pub analysis: AnalysisWorkflowConfig,
}

/// `workflows.allele`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlleleWorkflowConfig {
    /// When a variant workflow may be finalized.
    pub finalize_requirements: AlleleFinalizeRequirements,
}

/// `workflows.allele.finalize_requirements`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlleleFinalizeRequirements {
    /// Stages that allow finalizing.
    pub workflow_status: Vec<AlleleWorkflowStatus>,
}

/// A stage of the variant workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum AlleleWorkflowStatus {
    /// `Interpretation`.
    Interpretation,
    /// `Review`.
    Review,
}

/// `workflows.analysis`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisWorkflowConfig {
    /// When an analysis may be finalized.
    pub finalize_requirements: AnalysisFinalizeRequirements,
}

/// `workflows.analysis.finalize_requirements`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisFinalizeRequirements {
    /// Stages that allow finalizing.
    pub workflow_status: Vec<AnalysisWorkflowStatus>,
    /// Whether unclassified variants may remain.
    pub allow_unclassified: bool,
}

/// A stage of the analysis workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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

/// `user.user_config.interpretation`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterpretationConfig {
    /// PubMed ids that reference evaluation ignores automatically.
    #[serde(rename = "autoIgnoreReferencePubmedIds")]
    pub auto_ignore_reference_pubmed_ids: Vec<i64>,
}

/// `analysis`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisSettings {
    /// Priority labels.
    pub priority: PrioritySettings,
    /// Side-bar layout per UI mode (`full`, `quick`, `visual`, `report`, `list`, ...).
    pub sidebar: BTreeMap<String, Sidebar>,
}

/// `analysis.priority`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrioritySettings {
    /// Display names of priorities 1, 2 and 3.
    pub display: PriorityDisplay,
}

/// `analysis.priority.display`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityDisplay {
    /// Priority 1 (normal).
    #[serde(rename = "1")]
    pub normal: String,
    /// Priority 2 (high).
    #[serde(rename = "2")]
    pub high: String,
    /// Priority 3 (urgent).
    #[serde(rename = "3")]
    pub urgent: String,
}

/// One side-bar layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidebar {
    /// Columns shown (`qual`, `dp`, `ratio`, ...).
    pub columns: Vec<serde_json::Value>,
    /// Quick-classification buttons per variant category.
    pub classification_options: BTreeMap<String, Vec<String>>,
    /// Comment kind per variant category.
    pub comment_type: Option<BTreeMap<String, Option<CommentType>>>,
    /// Shade variants when a gene has several.
    pub shade_multiple_in_gene: bool,
    /// Narrow comment field.
    pub narrow_comment: Option<bool>,
}

/// Which comment a side-bar category shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentType {
    /// The analysis-specific comment.
    Analysis,
    /// The evaluation comment.
    Evaluation,
}

/// `frequencies`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencySettings {
    /// Populations per provider.
    pub groups: FrequencyGroups,
}

/// `frequencies.groups`: provider → populations, in file order (it decides the column order of
/// `annotationshadowfrequency`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyGroups {
    /// External databases (gnomAD, ...).
    pub external: IndexMap<String, Vec<String>>,
    /// In-house databases.
    pub internal: IndexMap<String, Vec<String>>,
}

/// One configured frequency: a provider and a population.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FrequencyColumn {
    /// Provider, e.g. `GNOMAD_EXOMES`.
    pub provider: String,
    /// Population key, e.g. `NFE`.
    pub population: String,
}

impl FrequencyGroups {
    /// Every (provider, population) in config order: `external` first, then `internal`.
    pub fn columns(&self) -> Vec<FrequencyColumn> {
        self.external
            .iter()
            .chain(&self.internal)
            .flat_map(|(provider, populations)| {
                populations.iter().map(|population| FrequencyColumn {
                    provider: provider.clone(),
                    population: population.clone(),
                })
            })
            .collect()
    }

    /// Rejects a provider/population listed twice: ELLA would create the column once but fail
    /// on every annotation insert afterwards.
    fn check_unique_columns(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for column in self.columns() {
            if !seen.insert(column.clone()) {
                return Err(format!(
                    "at key `frequencies.groups`: {}.{} is listed more than once",
                    column.provider, column.population
                ));
            }
        }
        Ok(())
    }
}

/// `classification`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassificationSettings {
    /// Gene groups with extra reference questions.
    pub gene_groups: GeneGroups,
    /// Classification choices in display order.
    pub options: Vec<ClassificationOption>,
}

/// `classification.gene_groups`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneGroups {
    /// Mismatch-repair genes (MSI/IHC questions).
    #[serde(rename = "MMR")]
    pub mmr: Vec<String>,
}

/// One classification choice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassificationOption {
    /// Display name.
    pub name: String,
    /// Stored value (`1`..`5`, `NP`, `RF`, `DR`).
    pub value: String,
    /// Days after which an assessment with this class is outdated.
    pub outdated_after_days: Option<u32>,
    /// Include variants of this class in the report automatically.
    pub include_report: Option<bool>,
    /// The class counts as a finding.
    pub include_analysis_with_findings: Option<bool>,
    /// Sort position in lists.
    pub sort_index: Option<i64>,
}

/// `report`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// Report line per class (`1`..`5` required).
    pub classification_text: BTreeMap<String, String>,
}

/// `transcripts`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranscriptSettings {
    /// PostgreSQL regex selecting the annotation transcripts used by filters and the UI.
    pub inclusion_regex: String,
}

/// `igv`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgvSettings {
    /// Reference genome files.
    pub reference: IgvReference,
    /// The only file names `/api/v1/igv/<file>` serves.
    pub valid_resource_files: Vec<String>,
}

/// `igv.reference`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgvReference {
    /// FASTA URL.
    #[serde(rename = "fastaURL")]
    pub fasta_url: String,
    /// Cytoband URL.
    #[serde(rename = "cytobandURL")]
    pub cytoband_url: String,
}

/// `import`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportSettings {
    /// Deposit re-analysis (sample) jobs automatically once annotated.
    pub automatic_deposit_with_sample_id: bool,
    /// Script run before sample jobs are submitted.
    pub preimport_script: String,
}

/// `similar_alleles`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimilarAllelesSettings {
    /// How many nearby classified variants to show.
    pub max_variants: i64,
    /// How far away (bp) they may be.
    pub max_genomic_distance: i64,
}
