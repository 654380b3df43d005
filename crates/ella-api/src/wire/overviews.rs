//! The work lists (api.md §4.4): `OverviewAnalysis`, `AlleleOverview` and
//! `AlleleInterpretationOverview` (api.md §1.7), the analysis and variant lists and the user
//! statistics.

use chrono::{DateTime, Utc};
use ella_db::allele_view::AlleleView;
use ella_db::enums::AlleleinterpretationWorkflowStatus;
use ella_db::worklist::{self, AlleleRound, OverviewAllele, Section, UserStats as UserStatsRow};
use serde::Serialize;
use utoipa::ToSchema;

use super::alleles::{Allele, AssessmentForm};
use super::analyses::{status_text, Analysis};
use super::serialize_datetime;
use super::users::User;

/// An analysis of a work list or a search hit: `Analysis` with the latest work-log values.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverviewAnalysis {
    /// The analysis.
    #[serde(flatten)]
    pub analysis: Analysis,
    /// The latest priority of the analysis' work log, 1 without one.
    pub priority: i32,
    /// The latest review comment; the key is left out without one (or when it is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_comment: Option<String>,
    /// `true` when the latest "warning cleared" entry is true; the key is left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning_cleared: Option<bool>,
}

impl From<worklist::OverviewAnalysis> for OverviewAnalysis {
    fn from(overview: worklist::OverviewAnalysis) -> Self {
        let extras = overview.extras;
        Self {
            analysis: Analysis::from(overview.view),
            priority: extras.priority.unwrap_or(1),
            review_comment: extras.review_comment.filter(|comment| !comment.is_empty()),
            warning_cleared: extras.warning_cleared.filter(|cleared| *cleared),
        }
    }
}

/// The analysis work lists (`GET /overviews/analyses/`), each newest first.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct OverviewAnalyses {
    /// Latest round `Not ready`, not started.
    pub not_ready: Vec<OverviewAnalysis>,
    /// Latest round `Interpretation`, not started.
    pub not_started: Vec<OverviewAnalysis>,
    /// Latest round `Review`, not started.
    pub marked_review: Vec<OverviewAnalysis>,
    /// Latest round `Medical review`, not started.
    pub marked_medicalreview: Vec<OverviewAnalysis>,
    /// Latest round ongoing.
    pub ongoing: Vec<OverviewAnalysis>,
}

impl OverviewAnalyses {
    /// The list of `section`.
    pub fn section_mut(&mut self, section: Section) -> &mut Vec<OverviewAnalysis> {
        match section {
            Section::NotReady => &mut self.not_ready,
            Section::NotStarted => &mut self.not_started,
            Section::MarkedReview => &mut self.marked_review,
            Section::MarkedMedicalReview => &mut self.marked_medicalreview,
            Section::Ongoing => &mut self.ongoing,
        }
    }
}

/// How much a user has worked on (`GET /overviews/userstats/`).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct UserStats {
    /// Analyses with a round of the user.
    pub analyses_cnt: i64,
    /// Alleles with a round of the user.
    pub alleles_cnt: i64,
}

impl From<UserStatsRow> for UserStats {
    fn from(stats: UserStatsRow) -> Self {
        Self {
            analyses_cnt: stats.analyses,
            alleles_cnt: stats.alleles,
        }
    }
}

/// An interpretation round of an allele, overview fields only.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleInterpretationOverview {
    /// Interpretation id.
    pub id: i32,
    /// `Not started`, `Ongoing` or `Done`.
    pub status: &'static str,
    /// Whether the round was finalized.
    pub finalized: Option<bool>,
    /// `Interpretation` or `Review`.
    pub workflow_status: &'static str,
    /// The allele.
    pub allele_id: i32,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// Last change.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_last_update: DateTime<Utc>,
    /// The user working on the round.
    pub user_id: Option<i32>,
    /// That user.
    pub user: Option<User>,
}

impl From<AlleleRound> for AlleleInterpretationOverview {
    fn from(overview: AlleleRound) -> Self {
        let round = overview.round;
        Self {
            id: round.id,
            status: status_text(round.status),
            finalized: round.finalized,
            workflow_status: match round.workflow_status {
                AlleleinterpretationWorkflowStatus::Interpretation => "Interpretation",
                AlleleinterpretationWorkflowStatus::Review => "Review",
            },
            allele_id: round.allele_id,
            genepanel_name: round.genepanel_name,
            genepanel_version: round.genepanel_version,
            date_last_update: round.date_last_update,
            user_id: round.user_id,
            user: overview
                .user
                .map(|member| User::new(&member.user, &member.group_name)),
        }
    }
}

/// A gene panel by name and version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PanelName {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
}

/// A variant of a work list (api.md §4.4, `AlleleOverview`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleOverview {
    /// The panel of the round updated last; the allele is shown with it.
    pub genepanel: PanelName,
    /// The allele with annotation and the assessment in overview form.
    pub allele: Allele,
    /// Creation time of the first round.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// The latest priority of the rounds' work log, 1 without one.
    pub priority: i32,
    /// The latest review comment, or `null`.
    pub review_comment: Option<String>,
    /// All rounds, by `date_last_update`.
    pub interpretations: Vec<AlleleInterpretationOverview>,
    /// Always `null`.
    #[schema(value_type = Option<Object>)]
    pub warnings: Option<()>,
}

impl AlleleOverview {
    /// The wire form of `overview` with its allele object `allele`; `now` as for
    /// [`Allele::new`].
    pub fn new(overview: OverviewAllele, allele: AlleleView, now: DateTime<Utc>) -> Self {
        let (name, version) = overview.genepanel;
        Self {
            genepanel: PanelName { name, version },
            allele: Allele::new(allele, AssessmentForm::Overview, now),
            date_created: overview.date_created,
            priority: overview.extras.priority.unwrap_or(1),
            review_comment: overview.extras.review_comment,
            interpretations: overview.rounds.into_iter().map(Into::into).collect(),
            warnings: None,
        }
    }
}

/// The variant work lists (`GET /overviews/alleles/`), each grouped by gene panel.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct OverviewAlleles {
    /// Latest round `Interpretation`, not started.
    pub not_started: Vec<AlleleOverview>,
    /// Latest round `Review`, not started.
    pub marked_review: Vec<AlleleOverview>,
    /// Latest round ongoing.
    pub ongoing: Vec<AlleleOverview>,
}

impl OverviewAlleles {
    /// The list of `section`; allele rounds have no `Not ready` or `Medical review` step.
    pub fn section_mut(&mut self, section: Section) -> Option<&mut Vec<AlleleOverview>> {
        match section {
            Section::NotStarted => Some(&mut self.not_started),
            Section::MarkedReview => Some(&mut self.marked_review),
            Section::Ongoing => Some(&mut self.ongoing),
            Section::NotReady | Section::MarkedMedicalReview => None,
        }
    }
}
