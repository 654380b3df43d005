//! Work lists (api.md §4.4): which analyses and alleles wait in which list, the finalized ones,
//! the latest work-log values shown with them and the per-user counts.
//!
//! A subject's list is decided by its *latest* interpretation round, the one with the newest
//! `date_created` (ties broken by the higher id). Analyses are visible when their gene panel is one
//! of the user group's panels, alleles when one of their rounds has such a panel (api.md §2.7).
//! SQL is written once for both kinds of subject; table and column names come from [`Subject`],
//! never from a request.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Int4, Nullable, Text};

use crate::allele_view::{
    self, AlleleQuery, AlleleView, AnnotationSettings, Include, LinkFilter, PanelKey,
};
use crate::analysis_view::{self, AnalysisView};
use crate::enums::{AlleleinterpretationWorkflowStatus, InterpretationStatus};
use crate::schema::{alleleinterpretation, user, usergroup};
use crate::user::{UserRow, UserWithGroup};
use crate::Result;

/// What a work list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Analyses and their `analysisinterpretation` rounds.
    Analysis,
    /// Alleles and their `alleleinterpretation` rounds.
    Allele,
}

impl Subject {
    /// The table of the subject's rounds.
    const fn rounds(self) -> &'static str {
        match self {
            Self::Analysis => "analysisinterpretation",
            Self::Allele => "alleleinterpretation",
        }
    }

    /// The column of a round naming its subject.
    const fn subject_column(self) -> &'static str {
        match self {
            Self::Analysis => "analysis_id",
            Self::Allele => "allele_id",
        }
    }

    /// The column of `interpretationlog` naming a round of this kind.
    const fn log_column(self) -> &'static str {
        match self {
            Self::Analysis => "analysisinterpretation_id",
            Self::Allele => "alleleinterpretation_id",
        }
    }

    /// SQL selecting the ids of the subjects that `usergroup_id = $1` may see.
    fn visible_ids_sql(self) -> &'static str {
        match self {
            Self::Analysis => {
                "SELECT id FROM analysis WHERE (genepanel_name, genepanel_version) IN \
                 (SELECT genepanel_name, genepanel_version FROM usergroupgenepanel \
                  WHERE usergroup_id = $1)"
            }
            Self::Allele => {
                "SELECT allele_id FROM alleleinterpretation WHERE (genepanel_name, genepanel_version) IN \
                 (SELECT genepanel_name, genepanel_version FROM usergroupgenepanel \
                  WHERE usergroup_id = $1)"
            }
        }
    }

    /// SQL of the latest round of every subject: `subject_id`, `status`, `workflow_status`
    /// (as text) and `finalized`.
    fn latest_rounds_sql(self) -> String {
        let (rounds, subject) = (self.rounds(), self.subject_column());
        format!(
            "SELECT DISTINCT ON ({subject}) {subject} AS subject_id, status::text AS status, \
             workflow_status::text AS workflow_status, finalized \
             FROM {rounds} ORDER BY {subject}, date_created DESC, id DESC"
        )
    }
}

/// The work lists of `GET /overviews/analyses/` and `GET /overviews/alleles/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Latest round `Not ready`, not started.
    NotReady,
    /// Latest round `Interpretation`, not started.
    NotStarted,
    /// Latest round `Review`, not started.
    MarkedReview,
    /// Latest round `Medical review`, not started.
    MarkedMedicalReview,
    /// Latest round `Ongoing`, whatever its step.
    Ongoing,
}

impl Section {
    /// The list of a subject whose latest round has `status` and `workflow_status` (their
    /// database labels); `None` for finished rounds.
    pub fn of(status: &str, workflow_status: &str) -> Option<Self> {
        match (status, workflow_status) {
            ("Ongoing", _) => Some(Self::Ongoing),
            ("Not started", "Not ready") => Some(Self::NotReady),
            ("Not started", "Interpretation") => Some(Self::NotStarted),
            ("Not started", "Review") => Some(Self::MarkedReview),
            ("Not started", "Medical review") => Some(Self::MarkedMedicalReview),
            _ => None,
        }
    }
}

/// A latest round as [`Subject::latest_rounds_sql`] selects it.
#[derive(Debug, QueryableByName)]
struct LatestRound {
    #[diesel(sql_type = Int4)]
    subject_id: i32,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Text)]
    workflow_status: String,
}

/// The visible subjects of `group_id` that are in a work list, with their list. Analyses come
/// newest first by `COALESCE(date_requested, date_deposited)` (api.md §4.4), alleles by id.
pub fn sections(
    conn: &mut PgConnection,
    subject: Subject,
    group_id: i32,
) -> Result<Vec<(i32, Section)>> {
    let (from, order) = match subject {
        Subject::Analysis => (
            "JOIN analysis ON analysis.id = latest.subject_id",
            "COALESCE(analysis.date_requested, analysis.date_deposited) DESC, analysis.id DESC",
        ),
        Subject::Allele => ("", "latest.subject_id"),
    };
    let query = format!(
        "SELECT latest.subject_id, latest.status, latest.workflow_status \
         FROM ({latest}) AS latest {from} \
         WHERE latest.subject_id IN ({visible}) ORDER BY {order}",
        latest = subject.latest_rounds_sql(),
        visible = subject.visible_ids_sql(),
    );
    let rounds: Vec<LatestRound> = diesel::sql_query(query)
        .bind::<Int4, _>(group_id)
        .load(conn)?;
    Ok(rounds
        .into_iter()
        .filter_map(|round| {
            Section::of(&round.status, &round.workflow_status)
                .map(|section| (round.subject_id, section))
        })
        .collect())
}

/// A subject id selected by a query.
#[derive(Debug, QueryableByName)]
struct SubjectId {
    #[diesel(sql_type = Int4)]
    subject_id: i32,
}

/// The visible subjects of `group_id` whose latest round is finalized, the most recently updated
/// (greatest `date_last_update` over all their rounds) first.
pub fn finalized(conn: &mut PgConnection, subject: Subject, group_id: i32) -> Result<Vec<i32>> {
    let (rounds, column) = (subject.rounds(), subject.subject_column());
    let query = format!(
        "SELECT {column} AS subject_id FROM {rounds} \
         WHERE {column} IN (SELECT latest.subject_id FROM ({latest}) AS latest \
                            WHERE latest.finalized IS TRUE) \
           AND {column} IN ({visible}) \
         GROUP BY {column} ORDER BY max(date_last_update) DESC, {column} DESC",
        latest = subject.latest_rounds_sql(),
        visible = subject.visible_ids_sql(),
    );
    let ids: Vec<SubjectId> = diesel::sql_query(query)
        .bind::<Int4, _>(group_id)
        .load(conn)?;
    Ok(ids.into_iter().map(|id| id.subject_id).collect())
}

/// The latest non-null work-log values of a subject's rounds (api.md §4.4).
#[derive(Debug, Clone, Default, PartialEq, Eq, QueryableByName)]
pub struct LogExtras {
    /// Most recent priority.
    #[diesel(sql_type = Nullable<Int4>)]
    pub priority: Option<i32>,
    /// Most recent review comment.
    #[diesel(sql_type = Nullable<Text>)]
    pub review_comment: Option<String>,
    /// Most recent "warning cleared" flag.
    #[diesel(sql_type = Nullable<Bool>)]
    pub warning_cleared: Option<bool>,
}

/// [`LogExtras`] with the subject it belongs to.
#[derive(Debug, QueryableByName)]
struct SubjectLogExtras {
    #[diesel(sql_type = Int4)]
    subject_id: i32,
    #[diesel(embed)]
    extras: LogExtras,
}

/// The [`LogExtras`] of the subjects `ids`, from the log entries of all their rounds; subjects
/// without any such entry are left out.
pub fn log_extras(
    conn: &mut PgConnection,
    subject: Subject,
    ids: &[i32],
) -> Result<HashMap<i32, LogExtras>> {
    let latest = |field: &str| {
        format!(
            "(SELECT log.{field} FROM interpretationlog AS log \
              JOIN {rounds} AS round ON log.{log_column} = round.id \
              WHERE round.{subject_column} = ids.id AND log.{field} IS NOT NULL \
              ORDER BY log.date_created DESC, log.id DESC LIMIT 1) AS {field}",
            rounds = subject.rounds(),
            log_column = subject.log_column(),
            subject_column = subject.subject_column(),
        )
    };
    let query = format!(
        "SELECT * FROM (SELECT ids.id AS subject_id, {}, {}, {} FROM unnest($1::integer[]) AS ids(id)) AS found \
         WHERE priority IS NOT NULL OR review_comment IS NOT NULL OR warning_cleared IS NOT NULL",
        latest("priority"),
        latest("review_comment"),
        latest("warning_cleared"),
    );
    let rows: Vec<SubjectLogExtras> = diesel::sql_query(query)
        .bind::<Array<Int4>, _>(ids)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| (row.subject_id, row.extras))
        .collect())
}

/// An analysis of a work list with its latest work-log values.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewAnalysis {
    /// The analysis.
    pub view: AnalysisView,
    /// Its latest log values.
    pub extras: LogExtras,
}

/// The analyses `ids`, in that order, with their latest log values.
pub fn overview_analyses(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<OverviewAnalysis>> {
    let mut extras = log_extras(conn, Subject::Analysis, ids)?;
    let mut views: HashMap<i32, AnalysisView> = analysis_view::views(conn, ids)?
        .into_iter()
        .map(|view| (view.analysis.id, view))
        .collect();
    Ok(ids
        .iter()
        .filter_map(|id| views.remove(id))
        .map(|view| OverviewAnalysis {
            extras: extras.remove(&view.analysis.id).unwrap_or_default(),
            view,
        })
        .collect())
}

/// The overview columns of an allele interpretation round (api.md §1.7,
/// `AlleleInterpretationOverview`) and its creation time.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = alleleinterpretation, check_for_backend(diesel::pg::Pg))]
pub struct AlleleRoundColumns {
    /// Interpretation id.
    pub id: i32,
    /// Round status.
    pub status: InterpretationStatus,
    /// Whether the round was finalized.
    pub finalized: Option<bool>,
    /// Workflow step.
    pub workflow_status: AlleleinterpretationWorkflowStatus,
    /// The allele.
    pub allele_id: i32,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// Last change.
    pub date_last_update: DateTime<Utc>,
    /// Creation time.
    pub date_created: DateTime<Utc>,
    /// The user working on the round.
    pub user_id: Option<i32>,
}

/// An allele interpretation round with its user.
#[derive(Debug, Clone, PartialEq)]
pub struct AlleleRound {
    /// The round.
    pub round: AlleleRoundColumns,
    /// The user of `round.user_id`.
    pub user: Option<UserWithGroup>,
}

/// The rounds of the alleles `ids`, by `date_last_update` (then id), with their users.
pub fn allele_rounds(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<AlleleRound>> {
    let rows: Vec<(AlleleRoundColumns, Option<UserRow>, Option<String>)> =
        alleleinterpretation::table
            .left_join(user::table.inner_join(usergroup::table))
            .filter(alleleinterpretation::allele_id.eq_any(ids))
            .order((
                alleleinterpretation::date_last_update,
                alleleinterpretation::id,
            ))
            .select((
                AlleleRoundColumns::as_select(),
                Option::<UserRow>::as_select(),
                usergroup::name.nullable(),
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(round, user, group_name)| AlleleRound {
            round,
            user: user
                .zip(group_name)
                .map(|(user, group_name)| UserWithGroup { user, group_name }),
        })
        .collect())
}

/// An allele of a work list: its rounds, the gene panel it is shown with and its log values.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewAllele {
    /// The allele.
    pub allele_id: i32,
    /// Name and version of the panel of the round updated last.
    pub genepanel: (String, String),
    /// Creation time of the allele's first round.
    pub date_created: DateTime<Utc>,
    /// Latest log values of its rounds.
    pub extras: LogExtras,
    /// Its rounds, by `date_last_update`.
    pub rounds: Vec<AlleleRound>,
}

/// The alleles `ids`, in that order, with their rounds and log values; alleles without rounds
/// are left out.
pub fn overview_alleles(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<OverviewAllele>> {
    let mut extras = log_extras(conn, Subject::Allele, ids)?;
    let mut rounds: HashMap<i32, Vec<AlleleRound>> = HashMap::new();
    for round in allele_rounds(conn, ids)? {
        rounds.entry(round.round.allele_id).or_default().push(round);
    }
    Ok(ids
        .iter()
        .filter_map(|id| {
            let rounds = rounds.remove(id)?;
            let last = rounds.last()?;
            Some(OverviewAllele {
                allele_id: *id,
                genepanel: (
                    last.round.genepanel_name.clone(),
                    last.round.genepanel_version.clone(),
                ),
                date_created: rounds.iter().map(|round| round.round.date_created).min()?,
                extras: extras.remove(id).unwrap_or_default(),
                rounds,
            })
        })
        .collect())
}

/// `overviews` grouped by gene panel (sorted by name, then version), in their order within a
/// panel, as ELLA lists them.
pub fn by_genepanel(overviews: &mut [OverviewAllele]) {
    overviews.sort_by(|a, b| a.genepanel.cmp(&b.genepanel));
}

/// `overviews`, in their order, each with its allele object (api.md §4.4): loaded with the
/// overview's panel, with annotation and assessment.
pub fn with_allele_views(
    conn: &mut PgConnection,
    overviews: Vec<OverviewAllele>,
    settings: &AnnotationSettings,
) -> Result<Vec<(OverviewAllele, AlleleView)>> {
    let mut by_panel: HashMap<&(String, String), Vec<i32>> = HashMap::new();
    for overview in &overviews {
        by_panel
            .entry(&overview.genepanel)
            .or_default()
            .push(overview.allele_id);
    }
    let mut views = HashMap::new();
    for ((name, version), ids) in by_panel {
        let query = AlleleQuery {
            allele_ids: &ids,
            genepanel: Some(PanelKey { name, version }),
            analysis_id: None,
            filterconfig_id: None,
            links: &LinkFilter::default(),
            include: Include {
                annotation: true,
                custom_annotation: false,
                allele_assessment: true,
                reference_assessments: false,
                allele_report: false,
            },
            settings,
        };
        for view in allele_view::load(conn, &query)? {
            views.insert(view.allele.id, view);
        }
    }
    Ok(overviews
        .into_iter()
        .filter_map(|overview| {
            let view = views.remove(&overview.allele_id)?;
            Some((overview, view))
        })
        .collect())
}

/// How many analyses and alleles a user has worked on (`GET /overviews/userstats/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, QueryableByName)]
pub struct UserStats {
    /// Distinct analyses with a round of the user.
    #[diesel(sql_type = BigInt)]
    pub analyses: i64,
    /// Distinct alleles with a round of the user.
    #[diesel(sql_type = BigInt)]
    pub alleles: i64,
}

/// The [`UserStats`] of `user_id`.
pub fn user_stats(conn: &mut PgConnection, user_id: i32) -> Result<UserStats> {
    Ok(diesel::sql_query(
        "SELECT (SELECT count(DISTINCT analysis_id) FROM analysisinterpretation \
                 WHERE user_id = $1) AS analyses, \
                (SELECT count(DISTINCT allele_id) FROM alleleinterpretation \
                 WHERE user_id = $1) AS alleles",
    )
    .bind::<Int4, _>(user_id)
    .get_result(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_round_decides_the_list() {
        assert_eq!(
            Section::of("Not started", "Not ready"),
            Some(Section::NotReady)
        );
        assert_eq!(
            Section::of("Not started", "Interpretation"),
            Some(Section::NotStarted)
        );
        assert_eq!(
            Section::of("Not started", "Review"),
            Some(Section::MarkedReview)
        );
        assert_eq!(
            Section::of("Not started", "Medical review"),
            Some(Section::MarkedMedicalReview)
        );
        for step in ["Not ready", "Interpretation", "Review", "Medical review"] {
            assert_eq!(Section::of("Ongoing", step), Some(Section::Ongoing));
            assert_eq!(Section::of("Done", step), None);
        }
    }
}
