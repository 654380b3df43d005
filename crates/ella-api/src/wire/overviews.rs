//! The work lists (api.md §4.4): `OverviewAnalysis` (api.md §1.7), the analysis lists and the
//! user statistics.

use ella_db::worklist::{self, UserStats as UserStatsRow};
use serde::Serialize;
use utoipa::ToSchema;

use super::analyses::Analysis;

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
    pub fn section_mut(&mut self, section: worklist::Section) -> &mut Vec<OverviewAnalysis> {
        match section {
            worklist::Section::NotReady => &mut self.not_ready,
            worklist::Section::NotStarted => &mut self.not_started,
            worklist::Section::MarkedReview => &mut self.marked_review,
            worklist::Section::MarkedMedicalReview => &mut self.marked_medicalreview,
            worklist::Section::Ongoing => &mut self.ongoing,
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
